; Inno Setup script: a per-user installer (no administrator rights needed) around the
; PyInstaller one-folder build in dist\govopen. Build on Windows: iscc packaging\govopen.iss
#define AppName "政府信息公开年度报告编制工具"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1E7C3A-9B2D-4E5F-8A61-2C0D3B4E5F70}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\govopen
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputBaseFilename=govopen-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\govopen\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Registry]
Root: HKCU; Subkey: "Software\Classes\.govopen"; ValueType: string; ValueData: "govopen.report"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\govopen.report"; ValueType: string; ValueData: "政府信息公开年度报告"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\govopen.report\shell\open\command"; ValueType: string; ValueData: """{app}\govopen.exe"" gui ""%1"""

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\govopen.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\govopen.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; Flags: unchecked

[Run]
Filename: "{app}\govopen.exe"; Description: "立即运行"; Flags: nowait postinstall skipifsilent
