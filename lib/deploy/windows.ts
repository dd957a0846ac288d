/**
 * Writes a Beat's `install-<beat>.ps1` (Windows PowerShell 5.1 and later)
 * from its WindowsInstallPlan (lib/agents/beats/deploy.ts): check it runs as
 * Administrator, that the Beat and its service are installed (and name the
 * installer if not), read the service's --path.data (the keystore folder,
 * docs/agents/beats.md#windows-service), copy every file into the install
 * folder only when its content differs (the host name put into client.id),
 * in env mode read the password from a secure prompt into the keystore when
 * the key is missing (or with -ReplaceSecret), run `<beat>.exe test config`,
 * Restart-Service only when something changed. `-WhatIf` prints what it would
 * do. Every path and value is a PowerShell single-quoted string; the password
 * reaches the Beat on its standard input, never on a command line.
 *
 * Not executed here (no PowerShell on the build machine): the unit tests check
 * the text (every file covered, quoting, no secret).
 */
import { HOST_PLACEHOLDER } from '../agents/client-id';
import type { WindowsInstallPlan } from '../agents/types';
import { powershellQuote } from '../config-languages/shell/quote';

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function renderWindowsInstallScript(plan: WindowsInstallPlan): string {
  if (plan.keystore && !KEY_NAME.test(plan.keystore.key)) throw new Error(`install.ps1: ${plan.keystore.key} is not a keystore key name.`);
  const q = powershellQuote;
  const lines: string[] = [
    '#Requires -RunAsAdministrator',
    `# Installs the ${plan.title} configuration of this folder for Alibaba Cloud SLS (sls-kafka-wizard).`,
    `# Usage, in PowerShell as Administrator in this folder: .\\${plan.scriptName} [-WhatIf] [-NoRestart]${plan.keystore ? ' [-ReplaceSecret]' : ''}`,
    '#   -WhatIf      print what would change, change nothing',
    '#   -NoRestart   place and check the files, do not restart the service',
    ...(plan.keystore ? [`#   -ReplaceSecret  ask for a new password although the keystore has ${plan.keystore.key}`] : []),
    '# Running it again changes nothing when nothing differs.',
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param(',
    '  [switch]$NoRestart,',
    ...(plan.keystore ? ['  [switch]$ReplaceSecret,'] : []),
    `  [string]$InstallDir = ${q(plan.dir)}`,
    ')',
    "$ErrorActionPreference = 'Stop'",
    '$here = $PSScriptRoot',
    `$exe = Join-Path $InstallDir ${q(plan.exe)}`,
    'if (-not (Test-Path -LiteralPath $exe)) {',
    `  Write-Error (${q(`${plan.exe} is not in `)} + $InstallDir + ${q(`. ${plan.installHint}`)})`,
    '  exit 1',
    '}',
    `$service = Get-CimInstance Win32_Service -Filter ${q(`Name='${plan.service}'`)}`,
    'if ($null -eq $service) {',
    `  Write-Error ${q(`The ${plan.service} service is not installed. ${plan.installHint}`)}`,
    '  exit 1',
    '}',
    '# The keystore and the test need the data folder the service was installed with.',
    "$data = [regex]::Match($service.PathName, '-{1,2}path\\.data \"([^\"]+)\"').Groups[1].Value",
    'if ($data) { $dataArgs = @(\'--path.data\', $data) } else { $dataArgs = @() }',
    '$changed = $false',
    '$utf8 = New-Object System.Text.UTF8Encoding $false',
    '',
    '# Place SOURCE DEST HOSTNAME: write the bundle file SOURCE to InstallDir\\DEST unless it is already there.',
    'function Place([string]$Source, [string]$Dest, [bool]$HostName) {',
    '  $content = [System.IO.File]::ReadAllText((Join-Path $here $Source))',
    `  if ($HostName) { $content = $content.Replace(${q(HOST_PLACEHOLDER)}, $env:COMPUTERNAME) }`,
    '  $target = Join-Path $InstallDir $Dest',
    '  if ((Test-Path -LiteralPath $target) -and ([System.IO.File]::ReadAllText($target) -ceq $content)) {',
    '    Write-Output "unchanged $target"',
    '    return',
    '  }',
    '  $script:changed = $true',
    "  if ($PSCmdlet.ShouldProcess($target, 'write')) {",
    '    [System.IO.File]::WriteAllText($target, $content, $utf8)',
    '    Write-Output "wrote $target"',
    '  }',
    '}',
    '',
    '# Run EXE ARGS with TEXT on standard input (no newline added), so the value is never on a command line.',
    'function Invoke-WithInput([string]$File, [string[]]$Arguments, [string]$Text) {',
    '  $info = New-Object System.Diagnostics.ProcessStartInfo',
    '  $info.FileName = $File',
    "  $info.Arguments = ($Arguments | ForEach-Object { '\"' + $_ + '\"' }) -join ' '",
    '  $info.UseShellExecute = $false',
    '  $info.RedirectStandardInput = $true',
    '  $process = [System.Diagnostics.Process]::Start($info)',
    '  $process.StandardInput.Write($Text)',
    '  $process.StandardInput.Close()',
    '  $process.WaitForExit()',
    '  return $process.ExitCode',
    '}',
    '',
  ];

  // Bundle-relative sources use `/`; PowerShell's Join-Path takes either.
  for (const file of plan.files) lines.push(`Place ${q(file.source)} ${q(file.dest)} $${file.hostName ? 'true' : 'false'}`);
  lines.push('');

  if (plan.keystore) {
    const key = plan.keystore.key;
    lines.push(
      `# The password goes into the keystore as ${key}, never into a config file.`,
      // Windows PowerShell turns a redirected native stderr line into an error record, which 'Stop' would throw.
      "$keys = @(& { $ErrorActionPreference = 'Continue'; & $exe keystore list @dataArgs 2>$null })",
      // The keystore file is <path.data>\<beat>.keystore; create only when it is missing (create asks before overwriting).
      `$keystoreFile = Join-Path $(if ($data) { $data } else { Join-Path $InstallDir 'data' }) ${q(`${plan.exe.replace(/\.exe$/, '')}.keystore`)}`,
      `if (-not $ReplaceSecret -and ($keys -contains ${q(key)})) {`,
      `  Write-Output ${q(`unchanged keystore (holds ${key}; -ReplaceSecret asks for a new password)`)}`,
      `} elseif ($PSCmdlet.ShouldProcess(${q(`keystore key ${key}`)}, 'store')) {`,
      "  $secure = Read-Host -AsSecureString 'AccessKeyId#AccessKeySecret'",
      "  $plain = (New-Object System.Net.NetworkCredential('', $secure)).Password",
      '  if (-not $plain) {',
      `    Write-Error ${q(`No password given; run it again and paste AccessKeyId#AccessKeySecret for the keystore key ${key}.`)}`,
      '    exit 1',
      '  }',
      '  if (-not (Test-Path -LiteralPath $keystoreFile)) { & $exe keystore create @dataArgs | Out-Null }',
      `  $code = Invoke-WithInput $exe (@('keystore', 'add', ${q(key)}, '--stdin', '--force') + $dataArgs) $plain`,
      '  $plain = $null',
      `  if ($code -ne 0) { Write-Error ${q(`keystore add ${key} failed.`)}; exit 1 }`,
      '  $changed = $true',
      `  Write-Output ${q(`stored ${key} in the keystore`)}`,
      '} else {',
      '  $changed = $true',
      '}',
      '',
    );
  }

  lines.push(
    `$checkArgs = @('test', 'config', '-c', (Join-Path $InstallDir ${q(plan.config)})) + $dataArgs`,
    "if ($PSCmdlet.ShouldProcess($exe + ' ' + ($checkArgs -join ' '), 'run the config check')) {",
    '  & $exe @checkArgs',
    '  if ($LASTEXITCODE -ne 0) {',
    `    Write-Error ${q(`The ${plan.title} check failed; the service was not restarted. Fix the error above and run the script again.`)}`,
    '    exit 1',
    '  }',
    '}',
    '',
    'if (-not $changed) {',
    `  Write-Output ${q(`nothing changed; ${plan.service} not restarted`)}`,
    '} elseif ($NoRestart) {',
    `  Write-Output ${q(`-NoRestart: restart it yourself: Restart-Service ${plan.service}`)}`,
    `} elseif ($PSCmdlet.ShouldProcess(${q(plan.service)}, 'Restart-Service')) {`,
    `  Restart-Service -Name ${q(plan.service)}`,
    `  Write-Output ${q(`restarted ${plan.service}`)}`,
    '}',
    `Write-Output ${q(`Watch for the first records: Get-Service ${plan.service}; the log is in the logs folder under`)} $data`,
  );
  // CRLF: Windows PowerShell and Notepad read both, but a signed or copied script keeps Windows line ends.
  return `${lines.join('\r\n')}\r\n`;
}
