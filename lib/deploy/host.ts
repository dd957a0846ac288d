/**
 * Writes an agent's `install.sh` (POSIX sh, clean under shellcheck) from its
 * InstallPlan (lib/agents/<id>/deploy.ts): check root and the agent, stage
 * every file (the host name put into client.id), place it with the owner and
 * mode the steps name only when content, owner or mode differ ("unchanged"
 * otherwise), read the password from standard input into the environment file
 * in env mode (never into a config), run the agent's config check, restart the
 * service only when something changed, print how to watch.
 *
 * Agents with a keystore (Beats, Logstash) get the password piped into
 * `keystore add` instead (only when the key is missing, or with
 * `--replace-secret`); lines the script does not own (Logstash's service
 * environment, Fluentd's @include) are appended when missing, never
 * rewritten; `actions` (a truststore download, a plugin install) run only
 * when their test fails. Every step has the same shape: unchanged, would, do.
 *
 * Flags and variables: `--dry-run` prints what it would do and changes nothing;
 * `--no-restart` skips systemctl; `DESTDIR` installs under another root (the
 * check then reads the files there; an owner missing on this machine is
 * skipped with a note); `SLS_INSTALL_ALLOW_NONROOT=1` lets a non-root user run
 * it, only together with DESTDIR (tests).
 */
import { HOST_PLACEHOLDER, RANDOM_PLACEHOLDER } from '../agents/client-id';
import type { InstallArg, InstallFile, InstallLine, InstallPlan } from '../agents/types';
import { shellQuote, shellWord } from '../config-languages/shell/quote';

/** The script's file name inside the agent's bundle folder. */
export const INSTALL_SCRIPT_NAME = 'install.sh';

/** Env mode: the systemd drop-in that hands `service` the password's env file (root:root 644; the env file itself is 600). */
export function systemdEnvDropIn(service: string, envFile: string): InstallFile {
  return { content: `[Service]\nEnvironmentFile=${envFile}\n`, dest: `/etc/systemd/system/${service}.service.d/sls-kafka.conf`, owner: 'root', group: 'root', mode: '644' };
}


/** `install.sh`, or `install-<name>.sh` when an agent has one script per part (the Beats). */
export function installScriptName(plan: Pick<InstallPlan, 'scriptName'>): string {
  return plan.scriptName ? `install-${plan.scriptName}.sh` : INSTALL_SCRIPT_NAME;
}

/** A line with HOSTNAME_HERE / RANDOM_HERE as one shell word: the literal parts quoted, the tokens as variables. */
function lineWord(line: string): string {
  return line
    .split(new RegExp(`(${HOST_PLACEHOLDER}|${RANDOM_PLACEHOLDER})`))
    .filter((part) => part !== '')
    .map((part) => (part === HOST_PLACEHOLDER ? '"$HOST_SHORT"' : part === RANDOM_PLACEHOLDER ? '"$RANDOM_HEX"' : shellQuote(part)))
    .join('');
}

/**
 * The script's one idempotent step shape: `unless` true → "unchanged";
 * --dry-run → "would …"; else do it. Both changing branches set CHANGED.
 */
function step(unless: string, unchanged: string, would: string, run: readonly string[]): string[] {
  return [`if ${unless}; then`, `  ${unchanged}`, 'elif [ "$DRY_RUN" = 1 ]; then', '  CHANGED=1', `  ${would}`, 'else', '  CHANGED=1', ...run.map((l) => `  ${l}`), 'fi', ''];
}

function readSecretFunction(): string[] {
  return [
    '# read_secret: AccessKeyId#AccessKeySecret from standard input into SECRET, without echo on a terminal.',
    'read_secret() {',
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
    '}',
    '',
  ];
}

function linePath(line: InstallLine, index: number): string[] {
  // The first candidate whose folder exists under DESTDIR, else the last.
  const last = line.dest[line.dest.length - 1]!;
  const out = [`LINE_FILE_${index}="$DESTDIR"${shellQuote(last)}`];
  for (const candidate of line.dest.slice(0, -1).reverse()) {
    const folder = candidate.slice(0, candidate.lastIndexOf('/')) || '/';
    out.push(`if [ -d "$DESTDIR"${shellQuote(folder)} ]; then LINE_FILE_${index}="$DESTDIR"${shellQuote(candidate)}; fi`);
  }
  return out;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function argWord(arg: InstallArg): string {
  if (typeof arg === 'string') return shellWord(arg);
  return 'path' in arg ? `"$DESTDIR"${shellQuote(arg.path)}` : `"$(dirname "$AGENT")"/${shellQuote(arg.sibling)}`;
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
    `# Usage: sudo sh ${installScriptName(plan)} [--dry-run] [--no-restart]${plan.keystore ? ' [--replace-secret]' : ''}`,
    '#   --dry-run     print what would change, change nothing',
    '#   --no-restart  place and check the files, do not restart the service',
    ...(plan.keystore ? [`#   --replace-secret  store a new password although the keystore has ${plan.keystore.key}`] : []),
    '#   DESTDIR=/x    install under another root (the check reads the files there)',
    ...(plan.envFile ? [`# Reads AccessKeyId#AccessKeySecret from standard input (no echo on a terminal) into ${plan.envFile.path}.`] : []),
    ...(plan.keystore ? [`# Reads AccessKeyId#AccessKeySecret from standard input (no echo on a terminal) into the keystore as ${plan.keystore.key}, when it is not there yet.`] : []),
    '# Running it again changes nothing when nothing differs.',
    'set -eu',
    '',
    'DRY_RUN=0',
    'RESTART=1',
    ...(plan.keystore ? ['REPLACE_SECRET=0'] : []),
    'for arg in "$@"; do',
    '  case $arg in',
    '    --dry-run) DRY_RUN=1 ;;',
    '    --no-restart) RESTART=0 ;;',
    ...(plan.keystore ? ['    --replace-secret) REPLACE_SECRET=1 ;;'] : []),
    "    -h|--help) sed -n '2,9p' \"$0\"; exit 0 ;;",
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
    '# pick_group NAME...: the first group that exists here, else the first named.',
    'pick_group() {',
    '  for g in "$@"; do',
    '    if getent group "$g" >/dev/null 2>&1 || grep -q "^$g:" /etc/group; then printf \'%s\' "$g"; return 0; fi',
    '  done',
    "  printf '%s' \"$1\"",
    '}',
    '',
    ...(plan.keystore || plan.envFile ? readSecretFunction() : []),
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
    ...(plan.lines?.length
      ? [
          '# ensure_line FILE KEY LINE USER GROUP MODE: append LINE unless a line of FILE starts with KEY.',
          'ensure_line() {',
          '  file=$1; key=$2; line=$3; user=$4; group=$5; mode=$6',
          "  if [ -f \"$file\" ] && awk -v k=\"$key\" 'index($0, k) == 1 { found = 1 } END { exit !found }' \"$file\"; then",
          "    printf 'unchanged %s (has %s)\\n' \"$file\" \"$key\"",
          '    return 0',
          '  fi',
          '  CHANGED=1',
          '  if [ "$DRY_RUN" = 1 ]; then',
          "    printf 'would add %s to %s (owner %s:%s, mode %s)\\n' \"$key\" \"$file\" \"$user\" \"$group\" \"$mode\"",
          '    return 0',
          '  fi',
          '  mkdir -p "$(dirname "$file")"',
          '  [ -f "$file" ] || (umask 077 && : > "$file")',
          "  if [ -s \"$file\" ] && [ -n \"$(tail -c 1 \"$file\")\" ]; then printf '\\n' >> \"$file\"; fi",
          "  printf '%s\\n' \"$line\" >> \"$file\"",
          '  chmod "$mode" "$file"',
          '  if owner_ok "$user" "$group"; then chown "$user:$group" "$file"; fi',
          "  printf 'added %s to %s (owner %s:%s, mode %s)\\n' \"$key\" \"$file\" \"$user\" \"$group\" \"$mode\"",
          '}',
          '',
        ]
      : []),
    '# show WORDS...: print a command as it will run.',
    "show() { printf '%s' \"$1\"; shift; printf ' %s' \"$@\"; printf '\\n'; }",
    '',
    ...(plan.files.some((f) => f.hostName) || (plan.lines ?? []).some((l) => l.line.includes(HOST_PLACEHOLDER))
      ? ['HOST_SHORT=$(uname -n | cut -d. -f1)', '']
      : []),
    ...((plan.lines ?? []).some((l) => l.line.includes(RANDOM_PLACEHOLDER)) ? ["RANDOM_HEX=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \\n')", ''] : []),
  ];

  for (const dir of plan.directories ?? []) {
    const path = `"$DESTDIR"${shellQuote(dir.path)}`;
    lines.push(
      ...step(`[ -d ${path} ]`, `printf 'unchanged %s\\n' ${path}`, `printf 'would create %s\\n' ${path}`, [
        `mkdir -p ${path} && chmod ${shellWord(dir.mode)} ${path}`,
        `printf 'created %s\\n' ${path}`,
      ]),
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
    const group = file.altGroups?.length ? `"$(pick_group ${[file.group, ...file.altGroups].map(shellWord).join(' ')})"` : shellWord(file.group);
    lines.push(`place ${staged} ${shellQuote(file.dest)} ${shellWord(file.owner)} ${group} ${shellWord(file.mode)}`, '');
  });

  if (plan.envFile) {
    const { path, variable, owner, group, extraLines = [] } = plan.envFile;
    for (const line of extraLines) if (!/^[A-Za-z_][A-Za-z0-9_]*=[^\n'\\]*$/.test(line)) throw new Error(`install.sh: “${line}” is not a NAME=value line.`);
    lines.push(
      `# The password goes into ${path} (mode 600), never into a config file.`,
      'if [ "$DRY_RUN" = 1 ]; then',
      `  echo ${shellQuote(`would read AccessKeyId#AccessKeySecret from standard input into ${path} (mode 600)`)}`,
      'else',
      '  read_secret',
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

  const loadLines = (plan.lines ?? []).map((line, i) => ({ line, i })).filter(({ line }) => line.load);
  (plan.lines ?? []).forEach((line, i) => {
    lines.push(...linePath(line, i), `ensure_line "$LINE_FILE_${i}" ${shellQuote(line.key)} ${lineWord(line.line)} ${shellWord(line.owner)} ${shellWord(line.group)} ${shellWord(line.mode)}`, '');
  });

  // load_env: the variables the service gets, for the keystore commands and the check.
  const envPath = plan.envFile ? `"$DESTDIR"${shellQuote(plan.envFile.path)}` : undefined;
  const sources = [...(envPath ? [envPath] : []), ...loadLines.map(({ i }) => `"$LINE_FILE_${i}"`)];
  if (sources.length > 0) {
    lines.push('load_env() {', '  set -a');
    for (const src of sources) lines.push(`  if [ -f ${src} ]; then`, '    # shellcheck source=/dev/null', `    . ${src}`, '  fi');
    lines.push('  set +a', '}', '');
  }
  const withLoaded = (words: string) => (sources.length > 0 ? `load_env; ${words}` : words);
  const argWords = (argv: readonly InstallArg[]) => argv.map((a, i) => (i === 0 && a === plan.binary ? '"$AGENT"' : argWord(a))).join(' ');

  if (plan.keystore) {
    const ks = plan.keystore;
    if (!ENV_NAME.test(ks.key)) throw new Error(`install.sh: ${ks.key} is not a keystore key name.`);
    const file = `"$DESTDIR"${shellQuote(ks.file)}`;
    lines.push(
      `# The password goes into the keystore ${ks.file} as ${ks.key}, never into a config file.`,
      `ks_list() { (${withLoaded(argWords(ks.list))}) 2>/dev/null; }`,
      ...step(
        `[ "$REPLACE_SECRET" = 0 ] && [ -f ${file} ] && ks_list | grep -qix ${shellWord(ks.key)}`,
        `printf 'unchanged %s (holds ${ks.key}; --replace-secret stores a new password)\\n' ${file}`,
        `printf 'would read AccessKeyId#AccessKeySecret from standard input into %s as ${ks.key}\\n' ${file}`,
        [
          'read_secret',
          'if [ -z "$SECRET" ]; then',
          `  echo ${shellQuote(`install.sh: no password on standard input; give AccessKeyId#AccessKeySecret for the keystore key ${ks.key}.`)} >&2`,
          '  exit 1',
          'fi',
          `mkdir -p "$(dirname ${file})"`,
          `if [ ! -f ${file} ]; then (${withLoaded(argWords(ks.create))}); fi`,
          `printf '%s' "$SECRET" | (${withLoaded(argWords(ks.add))})`,
          'SECRET=',
          `chmod ${shellWord(ks.mode)} ${file}`,
          `if owner_ok ${shellWord(ks.owner)} ${shellWord(ks.group)}; then chown ${shellWord(`${ks.owner}:${ks.group}`)} ${file}; fi`,
          `printf 'stored ${ks.key} in %s (owner %s, mode %s)\\n' ${file} ${shellWord(`${ks.owner}:${ks.group}`)} ${shellWord(ks.mode)}`,
        ],
      ),
    );
  }

  for (const action of plan.actions ?? []) {
    lines.push(
      ...step(action.unless, `echo ${shellQuote(`unchanged: ${action.what}`)}`, `echo ${shellQuote(`would ${action.what}`)}`, [
        `echo ${shellQuote(`${action.what}:`)}`,
        `if ! (${action.run}); then echo ${shellQuote(`install.sh: could not ${action.what}; fix the error above and run it again.`)} >&2; exit 1; fi`,
      ]),
    );
  }

  if (plan.check) {
    // The check's own command is the one found above (PATH or a fallback).
    const words = argWords(plan.check.argv);
    const body: string[] = [];
    if (plan.check.withEnv && sources.length > 0) body.push('  load_env');
    if (plan.check.asUser) {
      const user = shellWord(plan.check.asUser);
      body.push(`  if [ "$(id -u)" -eq 0 ] && id -u ${user} >/dev/null 2>&1; then`, `    runuser -u ${user} -- ${words}`, '  else', `    ${words}`, '  fi');
    } else {
      body.push(`  ${words}`);
    }
    lines.push(
      ...(plan.check.withEnv && sources.length > 0 ? ['# The check runs with the stored variables loaded, as the service will.'] : []),
      'run_check() {',
      ...body,
      '}',
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
