#!/usr/bin/env bash
# Authenticode-sign a Windows executable in place with osslsigncode (SHA-256).
#   installer/sign.sh FILE
# The certificate, from the environment (never from the command line, which others can read):
#   AGENTDESK_SIGN_PFX=codesign.pfx                                  a PKCS#12 file, or
#   AGENTDESK_SIGN_CERT=chain.pem AGENTDESK_SIGN_KEY=key.pem         PEM certificate chain and key
#   AGENTDESK_SIGN_PASSWORD=…        the PFX / key password, if any
#   AGENTDESK_TIMESTAMP_URL=http://… an RFC 3161 time-stamping server, if one is configured
# makensis calls this through !uninstfinalize and !finalize when built with /DSIGN=sh.
set -euo pipefail

file=${1:?usage: sign.sh FILE}
args=(sign -h sha256 -n "Agent Desk")
if [ -n "${AGENTDESK_SIGN_PFX:-}" ]; then
  args+=(-pkcs12 "$AGENTDESK_SIGN_PFX")
elif [ -n "${AGENTDESK_SIGN_CERT:-}" ] && [ -n "${AGENTDESK_SIGN_KEY:-}" ]; then
  args+=(-certs "$AGENTDESK_SIGN_CERT" -key "$AGENTDESK_SIGN_KEY")
else
  echo "sign.sh: set AGENTDESK_SIGN_PFX, or AGENTDESK_SIGN_CERT and AGENTDESK_SIGN_KEY" >&2
  exit 2
fi
[ -n "${AGENTDESK_SIGN_PASSWORD:-}" ] && args+=(-readpass -)
[ -n "${AGENTDESK_TIMESTAMP_URL:-}" ] && args+=(-ts "$AGENTDESK_TIMESTAMP_URL")

signed="$file.signed"
trap 'rm -f "$signed"' EXIT
rm -f "$signed"
printf '%s' "${AGENTDESK_SIGN_PASSWORD:-}" | osslsigncode "${args[@]}" -in "$file" -out "$signed" >/dev/null
mv -f "$signed" "$file"
echo "signed: $file"
