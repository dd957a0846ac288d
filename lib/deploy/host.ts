/**
 * Writes an agent's `install.sh` (POSIX sh, clean under shellcheck) from its
 * InstallPlan (lib/agents/<id>/deploy.ts): check root and the agent, stage
 * every file (the host name put into client.id), place it with the owner and
 * mode the steps name only when content, owner or mode differ ("unchanged"
 * otherwise), read the password from standard input into the environment file
 * in env mode (never into a config), run the agent's config check, restart the
 * service only when something changed, print how to watch.
 *
 * Flags and variables: `--dry-run` prints what it would do and changes nothing;
 * `--no-restart` skips systemctl; `DESTDIR` installs under another root (the
 * check then reads the files there; an owner missing on this machine is
 * skipped with a note); `SLS_INSTALL_ALLOW_NONROOT=1` lets a non-root user run
 * it, only together with DESTDIR (tests).
 */
import { HOST_PLACEHOLDER } from '../agents/client-id';
import type { InstallArg, InstallPlan } from '../agents/types';
import { shellQuote, shellWord } from '../config-languages/shell/quote';

/** The script's file name inside the agent's bundle folder. */
export const INSTALL_SCRIPT_NAME = 'install.sh';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function argWord(arg: InstallArg): string {
  return typeof arg === 'string' ? shellWord(arg) : `"$DESTDIR"${shellQuote(arg.path)}`;
}

/** A here-document delimiter that does not occur in `content`. */
function delimiter(content: string): string {
  let tag = 'SLS_EOF';
  while (content.split('\n').includes(tag)) tag += '_';
  return tag;
}

export function renderInstallScript(agentTitle: string, plan: InstallPlan): string {
  if (plan.envFile && !ENV_NAME.test(plan.envFile.variable)) throw new Error(`install.sh: ${plan.envFile.variable} is not an environment variable name.`);
  const lines: string[] = [
    '#!/bin/sh',
    `# Installs the ${agentTitle} configuration of this folder for Alibaba Cloud SLS (sls-kafka-wizard).`,
    '# Usage: sudo sh install.sh [--dry-run] [--no-restart]',
    '#   --dry-run     print what would change, change nothing',
    '#   --no-restart  place and check the files, do not restart the service',
    '#   DESTDIR=/x    install under another root (the check reads the files there)',
    ...(plan.envFile ? [`# Reads AccessKeyId#AccessKeySecret from standard input (no echo on a terminal) into ${plan.envFile.path}.`] : []),
    '# Running it again changes nothing when nothing differs.',
    'set -eu',
    '',
    'DRY_RUN=0',
    'RESTART=1',
    'for arg in "$@"; do',
    '  case $arg in',
    '    --dry-run) DRY_RUN=1 ;;',
    '    --no-restart) RESTART=0 ;;',
    "    -h|--help) sed -n '2,8p' \"$0\"; exit 0 ;;",
    '    *) printf \'install.sh: unknown argument %s (use --dry-run or --no-restart)\\n\' "$arg" >&2; exit 2 ;;',
    '  esac',
    'done',
    'DESTDIR=${DESTDIR:-}',
    'HERE=$(cd "$(dirname "$0")" && pwd)',
    'CHANGED=0',
    '',
    'if [ "$(id -u)" -ne 0 ]; then',
    '  if [ -n "$DESTDIR" ] && [ "${SLS_INSTALL_ALLOW_NONROOT:-}" = 1 ]; then',
    "    echo 'not root: SLS_INSTALL_ALLOW_NONROOT=1 with DESTDIR, owners are not set'",
    '  else',
    "    echo 'install.sh: run it as root, e.g. sudo sh install.sh' >&2",
    '    exit 1',
    '  fi',
    'fi',
    '',
    `AGENT=$(command -v ${shellWord(plan.binary)} 2>/dev/null || true)`,
    ...(plan.binaryFallbacks ?? []).map((p) => `if [ -z "$AGENT" ] && [ -x ${shellWord(p)} ]; then AGENT=${shellWord(p)}; fi`),
    'if [ -z "$AGENT" ]; then',
    `  echo ${shellQuote(`install.sh: ${plan.binary} is not installed. Install it first:`)} >&2`,
    // A quoted here-document prints the commands as they are ($(…) included).
    `  cat >&2 <<'${delimiter(plan.installCommands.join('\n'))}'`,
    ...plan.installCommands.map((c) => `  ${c}`),
    delimiter(plan.installCommands.join('\n')),
    '  exit 1',
    'fi',
    '',
    'STAGE=$(mktemp -d)',
    'TTY_SAVED=0',
    'cleanup() {',
    '  if [ "$TTY_SAVED" = 1 ]; then stty echo 2>/dev/null || true; fi',
    '  rm -rf "$STAGE"',
    '}',
    'trap cleanup EXIT',
    "trap 'exit 130' INT TERM",
    '',
    '# owner_ok USER GROUP: true when chown can set them here.',
    'owner_ok() {',
    '  if [ "$(id -u)" -ne 0 ]; then return 1; fi',
    '  id -u "$1" >/dev/null 2>&1 || return 1',
    '  getent group "$2" >/dev/null 2>&1 || grep -q "^$2:" /etc/group',
    '}',
    '',
    '# place STAGED DEST USER GROUP MODE: put STAGED at DESTDIR/DEST unless it is already there as asked.',
    'place() {',
    '  staged=$1; dest=$DESTDIR$2; user=$3; group=$4; mode=$5',
    '  set_owner=1',
    '  if ! owner_ok "$user" "$group"; then',
    '    if [ -n "$DESTDIR" ]; then',
    '      set_owner=0',
    '    else',
    '      printf \'install.sh: user %s or group %s does not exist; install the agent package first\\n\' "$user" "$group" >&2',
    '      exit 1',
    '    fi',
    '  fi',
    '  if [ -f "$dest" ] && cmp -s "$staged" "$dest"; then',
    '    now=$(stat -c \'%a\' "$dest")',
    '    [ "$set_owner" = 0 ] || now="$now $(stat -c \'%U:%G\' "$dest")"',
    '    want=$mode',
    '    [ "$set_owner" = 0 ] || want="$want $user:$group"',
    '    if [ "$now" = "$want" ]; then',
    '      printf \'unchanged %s\\n\' "$dest"',
    '      return 0',
    '    fi',
    '  fi',
    '  CHANGED=1',
    '  if [ "$DRY_RUN" = 1 ]; then',
    '    printf \'would write %s (owner %s:%s, mode %s)\\n\' "$dest" "$user" "$group" "$mode"',
    '    return 0',
    '  fi',
    '  mkdir -p "$(dirname "$dest")"',
    '  tmp="$dest.sls-new.$$"',
    '  (umask 077 && cp "$staged" "$tmp")',
    '  chmod "$mode" "$tmp"',
    '  if [ "$set_owner" = 1 ]; then',
    '    chown "$user:$group" "$tmp"',
    '  else',
    '    printf \'note: owner %s:%s not set on %s (not root, or not a user/group here)\\n\' "$user" "$group" "$dest"',
    '  fi',
    '  mv -f "$tmp" "$dest"',
    '  printf \'wrote %s (owner %s:%s, mode %s)\\n\' "$dest" "$user" "$group" "$mode"',
    '}',
    '',
    '# show WORDS...: print a command as it will run.',
    "show() { printf '%s' \"$1\"; shift; printf ' %s' \"$@\"; printf '\\n'; }",
    '',
    ...(plan.files.some((f) => f.hostName) ? ["HOST_SHORT=$(uname -n | cut -d. -f1)", ''] : []),
  ];

  for (const dir of plan.directories ?? []) {
    const path = `"$DESTDIR"${shellQuote(dir.path)}`;
    lines.push(
      `if [ -d ${path} ]; then`,
      `  printf 'unchanged %s\\n' ${path}`,
      'elif [ "$DRY_RUN" = 1 ]; then',
      '  CHANGED=1',
      `  printf 'would create %s\\n' ${path}`,
      'else',
      '  CHANGED=1',
      `  mkdir -p ${path} && chmod ${shellWord(dir.mode)} ${path}`,
      `  printf 'created %s\\n' ${path}`,
      'fi',
      '',
    );
  }

  plan.files.forEach((file, i) => {
    const staged = `"$STAGE"/f${i}`;
    if (file.source !== undefined) {
      const src = `"$HERE"/${shellQuote(file.source)}`;
      lines.push(`if [ ! -f ${src} ]; then echo ${shellQuote(`install.sh: ${file.source} is missing next to install.sh; unpack the whole bundle.`)} >&2; exit 1; fi`);
      lines.push(
        file.hostName
          ? `sed "s/${HOST_PLACEHOLDER}/$HOST_SHORT/g" ${src} > ${staged}`
          : `cp ${src} ${staged}`,
      );
    } else {
      const content = file.content ?? '';
      const tag = delimiter(content);
      lines.push(`cat > ${staged} <<'${tag}'`, ...content.replace(/\n$/, '').split('\n'), tag);
    }
    lines.push(`place ${staged} ${shellQuote(file.dest)} ${shellWord(file.owner)} ${shellWord(file.group)} ${shellWord(file.mode)}`, '');
  });

  if (plan.envFile) {
    const { path, variable, owner, group, extraLines = [] } = plan.envFile;
    for (const line of extraLines) if (!/^[A-Za-z_][A-Za-z0-9_]*=[^\n'\\]*$/.test(line)) throw new Error(`install.sh: “${line}” is not a NAME=value line.`);
    lines.push(
      `# The password goes into ${path} (mode 600), never into a config file.`,
      'if [ "$DRY_RUN" = 1 ]; then',
      `  echo ${shellQuote(`would read AccessKeyId#AccessKeySecret from standard input into ${path} (mode 600)`)}`,
      'else',
      '  SECRET=',
      '  if [ -t 0 ]; then',
      "    printf 'AccessKeyId#AccessKeySecret (empty: keep the stored one): ' >&2",
      '    TTY_SAVED=1',
      '    stty -echo',
      '    IFS= read -r SECRET || true',
      '    stty echo',
      '    TTY_SAVED=0',
      "    printf '\\n' >&2",
      '  else',
      '    IFS= read -r SECRET || true',
      '  fi',
      '  if [ -z "$SECRET" ]; then',
      `    if [ -f "$DESTDIR"${shellQuote(path)} ]; then`,
      `      printf 'unchanged %s (no password given, the stored one is kept)\\n' "$DESTDIR"${shellQuote(path)}`,
      '    else',
      `      echo ${shellQuote(`install.sh: no password on standard input and no ${path} yet; give AccessKeyId#AccessKeySecret.`)} >&2`,
      '      exit 1',
      '    fi',
      '  else',
      `    (umask 077 && : > "$STAGE"/secret.env${extraLines.map((l) => ` && echo ${shellQuote(l)} >> "$STAGE"/secret.env`).join('')} && printf '%s=%s\\n' ${variable} "$SECRET" >> "$STAGE"/secret.env)`,
      '    SECRET=',
      `    place "$STAGE"/secret.env ${shellQuote(path)} ${shellWord(owner)} ${shellWord(group)} 600`,
      '  fi',
      'fi',
      '',
    );
  }

  if (plan.check) {
    // The check's own command is the one found above (PATH or a fallback).
    const words = plan.check.argv.map((a, i) => (i === 0 && a === plan.binary ? '"$AGENT"' : argWord(a))).join(' ');
    const envPath = plan.envFile ? `"$DESTDIR"${shellQuote(plan.envFile.path)}` : undefined;
    if (plan.check.withEnv && envPath) {
      lines.push(
        '# The check runs with the stored password loaded, as the service will.',
        'run_check() {',
        `  if [ -f ${envPath} ]; then`,
        '    set -a',
        '    # shellcheck source=/dev/null',
        `    . ${envPath}`,
        '    set +a',
        '  fi',
        `  ${words}`,
        '}',
      );
    } else {
      lines.push('run_check() {', `  ${words}`, '}');
    }
    lines.push(
      'if [ "$DRY_RUN" = 1 ]; then',
      `  show 'would check:' ${words}`,
      'else',
      `  show 'checking:' ${words}`,
      '  if ! (run_check); then',
      `    echo ${shellQuote(`install.sh: the ${agentTitle} check failed; the service was not restarted. Fix the error above and run install.sh again.`)} >&2`,
      '    exit 1',
      '  fi',
      'fi',
      '',
    );
  }

  const reload = plan.files.some((f) => f.dest.startsWith('/etc/systemd/'));
  lines.push(
    'if [ "$CHANGED" = 0 ]; then',
    `  echo ${shellQuote(`nothing changed; ${plan.service} not restarted`)}`,
    'elif [ "$RESTART" = 0 ]; then',
    `  echo ${shellQuote(`--no-restart: restart ${plan.service} yourself: systemctl restart ${plan.service}`)}`,
    'elif [ "$DRY_RUN" = 1 ]; then',
    `  echo ${shellQuote(`would run: ${reload ? 'systemctl daemon-reload; ' : ''}systemctl restart ${plan.service}`)}`,
    'else',
    ...(reload ? ['  systemctl daemon-reload'] : []),
    `  systemctl restart ${shellWord(plan.service)}`,
    `  echo ${shellQuote(`restarted ${plan.service}`)}`,
    'fi',
    '',
    "echo 'Watch for the first records:'",
    ...plan.watch.map((w) => `echo ${shellQuote(`  ${w}`)}`),
  );
  return `${lines.join('\n')}\n`;
}
