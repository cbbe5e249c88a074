<#
.SYNOPSIS
  Authenticode-sign a Windows executable in place with signtool (SHA-256).
.DESCRIPTION
  installer\sign.ps1 FILE
  Environment (secrets never go on a command line that is logged):
    AGENTDESK_SIGN_PFX        path of the PKCS#12 (.pfx) code-signing certificate
    AGENTDESK_SIGN_PASSWORD   its password, if any
    AGENTDESK_TIMESTAMP_URL   an RFC 3161 time-stamping server, if one is configured
    SIGNTOOL                  signtool.exe to use (default: on PATH, else the newest Windows SDK's)
  makensis calls this through !uninstfinalize and !finalize when built with /DSIGN=ps1.
#>
param([Parameter(Mandatory = $true)][string]$Path)
$ErrorActionPreference = 'Stop'

$signtool = $env:SIGNTOOL
if (-not $signtool) {
    $onPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($onPath) {
        $signtool = $onPath.Source
    } else {
        $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
        $signtool = Get-ChildItem -Path $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -like '*\x64\*' } |
            Sort-Object FullName -Descending |
            Select-Object -First 1 -ExpandProperty FullName
    }
}
if (-not $signtool) { throw 'signtool.exe not found: install the Windows SDK or set SIGNTOOL' }
if (-not $env:AGENTDESK_SIGN_PFX) { throw 'AGENTDESK_SIGN_PFX is not set' }

$signArgs = @('sign', '/fd', 'SHA256', '/f', $env:AGENTDESK_SIGN_PFX, '/d', 'Agent Desk')
if ($env:AGENTDESK_SIGN_PASSWORD) { $signArgs += @('/p', $env:AGENTDESK_SIGN_PASSWORD) }
if ($env:AGENTDESK_TIMESTAMP_URL) { $signArgs += @('/tr', $env:AGENTDESK_TIMESTAMP_URL, '/td', 'SHA256') }
& $signtool @signArgs $Path | Out-Host
if ($LASTEXITCODE -ne 0) { throw "signtool failed with exit code $LASTEXITCODE on $Path" }
Write-Host "signed: $Path"
