; Agent Desk installer (NSIS 3.08+). Build it with installer/build.py, which runs
;   makensis -WX -INPUTCHARSET UTF8 /DVERSION=0.1.0 /DSOURCE_DIR=<bundle> /DOUTPUT_DIR=<dir> agent-desk.nsi
; Optional defines: /DCOMPRESSOR=zlib or off (quick test builds; default /SOLID lzma),
; /DSIGN=sh|ps1 (sign the uninstaller and the installer during the build with sign.sh/sign.ps1).
;
; Per-machine install. Silent parameters (docs/deployment.md): /S /DESKTOP=1 /DBURL=… /SIPREGISTRAR=…
; /SIPTRANSPORT=… /SIPPROXY=… /SIPDOMAIN=… /UPDATEURL=… /PROVISION=… [/D=install folder, last].
; Uninstaller: /S /PURGE=1 also removes every user's data and the machine configuration.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin

!ifndef VERSION
  !error "define VERSION, e.g. /DVERSION=0.1.0"
!endif
!ifndef SOURCE_DIR
  !error "define SOURCE_DIR: the PyInstaller one-folder bundle (dist/AgentDesk)"
!endif
!define /ifndef VERSION_QUAD "${VERSION}.0"
!define /ifndef OUTPUT_DIR "."
!define /ifndef COMPRESSOR "/SOLID lzma"
!define /ifndef PUBLISHER "Agent Desk"
!define PRODUCT "Agent Desk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AgentDesk"
!define PROFILE_LIST "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"

!ifdef SIGN
  !if "${SIGN}" == "ps1"
    !define SIGN_CMD 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "${__FILEDIR__}\sign.ps1" "%1"'
  !else
    !define SIGN_CMD '"${__FILEDIR__}/sign.sh" "%1"'
  !endif
  !uninstfinalize '${SIGN_CMD}' = 0
  !finalize '${SIGN_CMD}' = 0
!endif

!if "${COMPRESSOR}" == "off"
  SetCompress off                     ; test builds: packaging 300 MB takes seconds, not minutes
!else
  SetCompressor ${COMPRESSOR}
!endif
Name "${PRODUCT} ${VERSION}"
OutFile "${OUTPUT_DIR}\AgentDesk-${VERSION}-Setup.exe"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"

Var DbUrl
Var DbHost
Var DbPort
Var DbName
Var DbUser
Var DbSslmode
Var SipRegistrar
Var SipTransport
Var SipProxy
Var SipDomain
Var UpdateUrl
Var Provision

!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString SecAppName ${LANG_SIMPCHINESE} "Agent Desk 程序（必需）"
LangString SecAppName ${LANG_ENGLISH} "Agent Desk program (required)"
LangString SecDesktopName ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecPurgeName ${LANG_SIMPCHINESE} "同时删除所有用户的数据与设置"
LangString SecPurgeName ${LANG_ENGLISH} "Also remove every user's data and settings"
LangString ErrDbUrl ${LANG_SIMPCHINESE} "数据库地址无效（应为 postgresql://用户@主机:端口/库名?sslmode=…，不含密码）：$DbUrl"
LangString ErrDbUrl ${LANG_ENGLISH} "Invalid database URL (expected postgresql://user@host:port/database?sslmode=…, without a password): $DbUrl"
LangString ErrTransport ${LANG_SIMPCHINESE} "SIP 传输方式应为 udp、tcp 或 tls：$SipTransport"
LangString ErrTransport ${LANG_ENGLISH} "SIP transport must be udp, tcp or tls: $SipTransport"
LangString ErrProvision ${LANG_SIMPCHINESE} "找不到配置文件：$Provision"
LangString ErrProvision ${LANG_ENGLISH} "Provisioning file not found: $Provision"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Copyright (C) ${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"

; ---------------------------------------------------------------- string helpers
; SplitFirst: $R0 = text, $R1 = separator -> $R2 = before, $R3 = after, $R4 = 1 when found
; (when not found: $R2 = text, $R3 = "", $R4 = 0). Case-insensitive. Clobbers $R5-$R8.
; GetOpt: $R9 = command line parameters, $R1 = option ("/DBURL=") -> $R2 = its value, "" if absent.
; FileFunc's GetOptions cannot be used: it ends a value at the next "/", and URLs are full of them.
; A value ends at the next " /" or ' "/'; quote it when it contains one: "/PROVISION=\\srv\a b.ini" or /PROVISION="…".
!macro STRING_FUNCTIONS prefix
Function ${prefix}SplitFirst
  StrLen $R5 $R1
  StrLen $R6 $R0
  StrCpy $R7 0
  ${Do}
    ${If} $R7 >= $R6
      StrCpy $R2 $R0
      StrCpy $R3 ""
      StrCpy $R4 0
      Return
    ${EndIf}
    StrCpy $R8 $R0 $R5 $R7
    ${If} $R8 == $R1
      StrCpy $R2 $R0 $R7
      IntOp $R8 $R7 + $R5
      StrCpy $R3 $R0 "" $R8
      StrCpy $R4 1
      Return
    ${EndIf}
    IntOp $R7 $R7 + 1
  ${Loop}
FunctionEnd

Function ${prefix}GetOpt
  StrCpy $R0 " $R9"
  StrCpy $R1 ' "$R1'
  Call ${prefix}SplitFirst
  StrCpy $R1 $R1 "" 2
  ${If} $R4 == 1
    StrCpy $R0 $R3
    StrCpy $R1 '"'
    Call ${prefix}SplitFirst
    Return
  ${EndIf}
  StrCpy $R0 " $R9"
  StrCpy $R1 " $R1"
  Call ${prefix}SplitFirst
  ${If} $R4 != 1
    StrCpy $R2 ""
    Return
  ${EndIf}
  StrCpy $R0 $R3
  StrCpy $R5 $R0 1
  ${If} $R5 == '"'
    StrCpy $R0 $R0 "" 1
    StrCpy $R1 '"'
    Call ${prefix}SplitFirst
    Return
  ${EndIf}
  StrCpy $R1 " /"
  Call ${prefix}SplitFirst
  StrCpy $R0 $R2
  StrCpy $R1 ' "/'                    ; the next option may be quoted as a whole
  Call ${prefix}SplitFirst
FunctionEnd
!macroend
!insertmacro STRING_FUNCTIONS ""
!insertmacro STRING_FUNCTIONS "un."

!macro GET_OPT prefix option var
  StrCpy $R1 "${option}"
  Call ${prefix}GetOpt
  StrCpy ${var} $R2
!macroend

; ParseDbUrl: $DbUrl -> $DbUser $DbHost $DbPort $DbName $DbSslmode; $0 = 1 when valid.
; postgresql://user@host:port/database?sslmode=require — every part but the host is optional;
; a password (user:secret@) is refused: passwords belong in the keyring.
Function ParseDbUrl
  StrCpy $0 0
  StrCpy $R0 $DbUrl
  StrCpy $R1 "://"
  Call SplitFirst
  ${If} $R4 != 1
    Return
  ${EndIf}
  ${If} $R2 != "postgresql"
  ${AndIf} $R2 != "postgres"
  ${AndIf} $R2 != "postgresql+psycopg"
    Return
  ${EndIf}
  StrCpy $R0 $R3
  StrCpy $R1 "?"
  Call SplitFirst
  StrCpy $1 $R3                       ; the query
  StrCpy $R0 $R2
  StrCpy $R1 "/"
  Call SplitFirst
  StrCpy $DbName $R3
  StrCpy $R0 $R2                      ; user@host:port
  StrCpy $R1 "@"
  Call SplitFirst
  ${If} $R4 == 1
    StrCpy $DbUser $R2
    StrCpy $2 $R3
    StrCpy $R0 $DbUser
    StrCpy $R1 ":"
    Call SplitFirst
    ${If} $R4 == 1
      Return                          ; a password in the URL
    ${EndIf}
  ${Else}
    StrCpy $2 $R2
  ${EndIf}
  StrCpy $R0 $2
  StrCpy $R1 ":"
  Call SplitFirst
  StrCpy $DbHost $R2
  StrCpy $DbPort $R3
  ${If} $DbHost == ""
    Return
  ${EndIf}
  StrCpy $R0 $1
  StrCpy $R1 "sslmode="
  Call SplitFirst
  ${If} $R4 == 1
    StrCpy $R0 $R3
    StrCpy $R1 "&"
    Call SplitFirst
    StrCpy $DbSslmode $R2
  ${EndIf}
  StrCpy $0 1
FunctionEnd

!macro FAIL message
  MessageBox MB_ICONSTOP|MB_OK "${message}" /SD IDOK
  SetErrorLevel 2
  Quit
!macroend

; ---------------------------------------------------------------- install
Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole bundle: no library of the old version may stay behind.
  ; Users' data and settings are elsewhere (%LOCALAPPDATA%, %PROGRAMDATA%) and are kept.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\AgentDesk.exe"

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\AgentDesk.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\AgentDesk.exe"
SectionEnd

; The machine-wide configuration (%PROGRAMDATA%\AgentDesk\agent-desk.ini). Only what IT passes is
; written, so an upgrade without parameters keeps the file as it is.
Section "-MachineConfig"
  CreateDirectory "$APPDATA\AgentDesk"
  StrCpy $9 "$APPDATA\AgentDesk\agent-desk.ini"
  ${If} $Provision != ""
    ClearErrors
    CopyFiles /SILENT /FILESONLY "$Provision" "$9"
    ${If} ${Errors}
      !insertmacro FAIL "$(ErrProvision)"
    ${EndIf}
  ${EndIf}
  ${If} $DbUrl != ""
    WriteINIStr "$9" "database" "mode" "shared"
    WriteINIStr "$9" "database" "host" "$DbHost"
    ${If} $DbPort != ""
      WriteINIStr "$9" "database" "port" "$DbPort"
    ${EndIf}
    ${If} $DbName != ""
      WriteINIStr "$9" "database" "database" "$DbName"
    ${EndIf}
    ${If} $DbUser != ""
      WriteINIStr "$9" "database" "user" "$DbUser"
    ${EndIf}
    ${If} $DbSslmode != ""
      WriteINIStr "$9" "database" "sslmode" "$DbSslmode"
    ${EndIf}
  ${EndIf}
  ${If} $SipRegistrar != ""
    WriteINIStr "$9" "sip" "registrar" "$SipRegistrar"
  ${EndIf}
  ${If} $SipTransport != ""
    WriteINIStr "$9" "sip" "transport" "$SipTransport"
  ${EndIf}
  ${If} $SipProxy != ""
    WriteINIStr "$9" "sip" "proxy" "$SipProxy"
  ${EndIf}
  ${If} $SipDomain != ""
    WriteINIStr "$9" "sip" "domain" "$SipDomain"
  ${EndIf}
  ${If} $UpdateUrl != ""
    WriteINIStr "$9" "updates" "url" "$UpdateUrl"
  ${EndIf}
SectionEnd

Function .onInit
  SetShellVarContext all
  SetRegView 64
  ${GetParameters} $R9
  !insertmacro GET_OPT "" "/DBURL=" $DbUrl
  !insertmacro GET_OPT "" "/SIPREGISTRAR=" $SipRegistrar
  !insertmacro GET_OPT "" "/SIPTRANSPORT=" $SipTransport
  !insertmacro GET_OPT "" "/SIPPROXY=" $SipProxy
  !insertmacro GET_OPT "" "/SIPDOMAIN=" $SipDomain
  !insertmacro GET_OPT "" "/UPDATEURL=" $UpdateUrl
  !insertmacro GET_OPT "" "/PROVISION=" $Provision
  !insertmacro GET_OPT "" "/DESKTOP=" $8
  ; The desktop shortcut: asked for, or there from the version being upgraded.
  ${If} $8 == "1"
  ${OrIf} ${FileExists} "$DESKTOP\${PRODUCT}.lnk"
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
  ${If} $DbUrl != ""
    Call ParseDbUrl
    ${If} $0 != 1
      !insertmacro FAIL "$(ErrDbUrl)"
    ${EndIf}
  ${EndIf}
  ${If} $SipTransport != ""
  ${AndIf} $SipTransport != "udp"
  ${AndIf} $SipTransport != "tcp"
  ${AndIf} $SipTransport != "tls"
    !insertmacro FAIL "$(ErrTransport)"
  ${EndIf}
  ${If} $Provision != ""
  ${AndIfNot} ${FileExists} "$Provision"
    !insertmacro FAIL "$(ErrProvision)"
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------- uninstall
Section "un.!$(SecAppName)" SecUnApp
  SectionIn RO
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\agent-app.exe"
  Delete "$INSTDIR\AgentDesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; Every profile's %LOCALAPPDATA%\AgentDesk (database, drafts, recordings, the user's ini) and the
; machine configuration. Keyring entries (Credential Manager) belong to each user and stay.
Section /o "un.$(SecPurgeName)" SecUnPurge
  RMDir /r "$APPDATA\AgentDesk"
  StrCpy $0 0
  ${Do}
    EnumRegKey $1 HKLM "${PROFILE_LIST}" $0
    ${If} $1 == ""
      ${Break}
    ${EndIf}
    ReadRegStr $2 HKLM "${PROFILE_LIST}\$1" "ProfileImagePath"
    ExpandEnvStrings $2 $2
    ${If} $2 != ""
      RMDir /r "$2\AppData\Local\AgentDesk"
    ${EndIf}
    IntOp $0 $0 + 1
  ${Loop}
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  ${GetParameters} $R9
  !insertmacro GET_OPT "un." "/PURGE=" $8
  ${If} $8 == "1"
    !insertmacro SelectSection ${SecUnPurge}
  ${EndIf}
FunctionEnd
