; ShopDesk's Windows installer (NSIS 3). Build it with packaging/windows/make_installer.py,
; which passes the version from pyproject.toml and the folder PyInstaller made:
;
;   makensis -DVERSION=0.1.0 -DDIST=dist\shopdesk -DOUTFILE=dist\ShopDesk-Setup-0.1.0.exe shopdesk.nsi
;
; What it does for a seller:
; - installs for this Windows user only, without asking for administrator rights, into
;   %LOCALAPPDATA%\Programs\ShopDesk (the place Windows itself suggests for per-user apps);
; - a Start-menu shortcut and, unless unticked, a desktop shortcut, both "ShopDesk 售后工作台";
; - installing a newer version over an older one replaces the program in place (same
;   folder, old program files removed first, shortcuts and the Apps list entry updated);
; - the uninstaller removes the program and says plainly that the shop's data in
;   %LOCALAPPDATA%\ShopDesk stays (the store, its backups, evidence files, crash logs).
; Silent install for scripts and CI: ShopDesk-Setup-<version>.exe /S /D=C:\some\folder

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z (make_installer.py reads pyproject.toml)"
!endif
!ifndef DIST
  !define DIST "..\..\dist\shopdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\ShopDesk-Setup-${VERSION}.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\shopdesk.ico"
!endif

; Windows wants four numbers in the file's version resource: 0.1.0 -> 0.1.0.0
; (make_installer.py passes them; by hand, a plain x.y.z is split here).
!ifndef VERSION_QUAD
  !searchparse /noerrors "${VERSION}.0.0.0" "" V_MAJOR "." V_MINOR "." V_PATCH "."
  !define VERSION_QUAD "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
!endif

!define APP_NAME "ShopDesk"
!define APP_TITLE "ShopDesk 售后工作台"
!define APP_EXE "shopdesk.exe"
!define CLI_EXE "shopdesk-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define APP_KEY "Software\ShopDesk"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ShopDesk"
; Where ShopDesk keeps the seller's data (paths.data_dir() on Windows). Never removed here.
!define DATA_DIR "$LOCALAPPDATA\ShopDesk"

Name "${APP_TITLE}"
Caption "${APP_TITLE} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\ShopDesk"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_TITLE}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_TITLE} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${APP_NAME}"

Var PreviousVersion

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "安装 ${APP_TITLE} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "ShopDesk 是小店的售后工作台：订单、售后、平台时限、回复模板与举证材料。$\r$\n$\r$\n\
只为当前 Windows 用户安装，不需要管理员权限。$\r$\n$\r$\n$PreviousVersion\
店铺数据保存在 ${DATA_DIR}，安装、升级和卸载都不会改动它。"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${APP_TITLE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从电脑上卸载 ${APP_TITLE} 程序。$\r$\n\
你的店铺数据会保留，不会被删除：${DATA_DIR}（数据文件、备份、证据文件）。\
以后重新安装 ShopDesk 即可继续使用；不再需要时，可以自己删除这个文件夹。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ; Upgrade in place: an earlier install (this user's) says where it went.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $PreviousVersion "已安装 ShopDesk $0：将在原位置升级到 ${VERSION}。$\r$\n$\r$\n"
    ${If} $1 != ""
      StrCpy $INSTDIR $1
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "ShopDesk 程序（必需）" SecProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An older version's program files go first, so none of them lingers beside the new ones.
  ; Only ShopDesk's own names: the folder may hold something else the seller put there.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  File /r "${DIST}\*.*"
  File "/oname=shopdesk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\shopdesk.ico" 0

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\shopdesk.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2  ; the Apps list shows it (in KB)
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  CreateShortCut "$DESKTOP\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\shopdesk.ico" 0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_TITLE}.lnk"
  Delete "$DESKTOP\${APP_TITLE}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\shopdesk.ico"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
  ; 设置 → 开机启动 (ui/reminders.py) writes this value; it would point at nothing now.
  DeleteRegValue HKCU "${RUN_KEY}" "ShopDesk"
  DetailPrint "店铺数据已保留：${DATA_DIR}"
SectionEnd
