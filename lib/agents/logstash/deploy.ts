/**
 * Logstash on a Linux host (install.sh, deb/rpm layout), as the steps in
 * render.ts say:
 * - the pipeline into /etc/logstash/conf.d (root:logstash, 640), the JAAS file
 *   when one is rendered (logstash:logstash, 600), the sandbox CA (644);
 * - the truststore the steps need: the JKS SLS publishes (downloaded, md5
 *   checked, root:logstash 640), the sandbox CA imported into a JKS for lines
 *   without PEM truststores; a GlobalSign JKS of your own must exist (the
 *   script stops and points at the README steps, which build it);
 * - logstash-integration-kafka at the pinned release when a chosen feature
 *   needs it and the installed one is older (`logstash-plugin list/install`);
 * - HOSTNAME (client_id) and, in env mode, a generated LOGSTASH_KEYSTORE_PASS
 *   appended to the service environment file (/etc/sysconfig/logstash where
 *   /etc/sysconfig exists, else /etc/default/logstash; 600) when missing, and
 *   the password into the password-protected keystore from standard input
 *   (logstash:root, 600). logstash-keystore reads a piped value without
 *   --stdin (elastic/logstash#15724: since 8.12 --stdin would be read as a key);
 * - the persistent-queue lines appended to logstash.yml unless it already
 *   sets queue options (then the script leaves it to you);
 * - `logstash --config.test_and_exit` as the logstash user with that
 *   environment loaded (Logstash 9 refuses to run as root), restart.
 * Compose: docker.elastic.co/logstash/logstash at the newest release of the
 * chosen line (docs/agents/logstash.md#docker-compose), the pipeline as the
 * image's pipeline/logstash.conf, the CA, JAAS file and truststore at the
 * paths the pipeline names, the watched log folder read-only, the beats port
 * published; the password from the env_file (Logstash expands ${VAR} from the
 * environment as from its keystore).
 */
import { shellQuote } from '../../config-languages/shell/quote';
import { QUEUE_MAX_BYTES } from './pipeline';
import { HOST_PLACEHOLDER, RANDOM_PLACEHOLDER } from '../client-id';
import { composeEnvFile } from '../../deploy/compose';
import type { AgentDeploy, InstallAction, InstallFile, InstallLine } from '../types';
import { LOGSTASH_JAAS_FILE, LOGSTASH_PIPELINE_FILE, LOGSTASH_QUEUE_FILE, SLS_JKS, logstashDeployFacts } from './render';
import type { LogstashOptions } from './schema';

const BIN = '/usr/share/logstash/bin';
/** The newest release of each version line (docs/agents/logstash.md#docker-compose). */
export const LOGSTASH_IMAGE_TAGS: Readonly<Record<LogstashOptions['version'], string>> = {
  '6': '6.8.23',
  '7.0-7.9': '7.9.3',
  '7.10-7.16': '7.16.3',
  '7.17': '7.17.29',
  '8.0-8.2': '8.2.3',
  '8.3-8.19': '8.19.8',
  '9': '9.3.7',
};
const ENV_FILES = ['/etc/sysconfig/logstash', '/etc/default/logstash'];
/** A program next to the logstash found by the script (the package's bin folder). */
const SIBLING = (name: string) => `"$(dirname "$AGENT")"/${name}`;
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const at = (path: string) => `"$DESTDIR"${shellQuote(path)}`;

export const logstashDeploy: AgentDeploy<LogstashOptions> = {
  host(ctx, options) {
    const facts = logstashDeployFacts(ctx, options);
    const { paths, trust } = facts;
    const files: InstallFile[] = [{ source: LOGSTASH_PIPELINE_FILE, dest: paths.pipeline, owner: 'root', group: 'logstash', mode: '640' }];
    if (facts.jaasFile) files.push({ source: LOGSTASH_JAAS_FILE, dest: paths.jaas, owner: 'logstash', group: 'logstash', mode: '600' });
    if ((trust.source === 'sandbox-pem' || trust.source === 'sandbox-jks') && ctx.sandbox) {
      files.push({ source: `../${ctx.sandbox.caFileName}`, dest: trust.caPath, owner: 'root', group: 'root', mode: '644' });
    }

    const actions: InstallAction[] = [];
    const protect = (path: string) => `chmod 640 ${at(path)} && { chown root:logstash ${at(path)} 2>/dev/null || [ -n "$DESTDIR" ]; }`;
    if (trust.source === 'sls-jks') {
      const check = `echo ${shellQuote(`${SLS_JKS.md5}  `)}${at(trust.settings.path)} | md5sum -c --status -`;
      actions.push({
        what: `download the truststore SLS publishes to ${trust.settings.path} (md5 checked)`,
        unless: `[ -f ${at(trust.settings.path)} ] && ${check}`,
        run: `mkdir -p "$(dirname ${at(trust.settings.path)})" && curl -fsSLo ${at(trust.settings.path)} ${shellQuote(SLS_JKS.url)} && ${check} && ${protect(trust.settings.path)}`,
      });
    } else if (trust.source === 'sandbox-jks') {
      const store = `-keystore ${at(trust.settings.path)} -storepass ${shellQuote(trust.settings.password)}`;
      actions.push({
        what: `import the sandbox CA into ${trust.settings.path}`,
        unless: `${shellQuote(facts.keytool)} -list -alias sls-sandbox-ca ${store} >/dev/null 2>&1`,
        run: `${shellQuote(facts.keytool)} -importcert -noprompt -trustcacerts -alias sls-sandbox-ca -file ${at(trust.caPath)} ${store} -storetype JKS && ${protect(trust.settings.path)}`,
      });
    } else if (trust.source === 'globalsign-jks') {
      actions.push({
        what: `find the JKS truststore ${trust.settings.path}`,
        unless: `[ -f ${at(trust.settings.path)} ]`,
        run: `echo ${shellQuote(`${trust.settings.path} is missing: build it as the README's “TLS trust” steps show, then run install.sh again.`)} >&2; false`,
      });
    }
    if (facts.pluginPin) {
      const { pin, minimum } = facts.pluginPin;
      const installed = `"$(${SIBLING('logstash-plugin')} list --verbose logstash-integration-kafka 2>/dev/null | sed -n 's/^logstash-integration-kafka (\\([0-9.]*\\)).*/\\1/p')"`;
      actions.push({
        what: `install logstash-integration-kafka ${pin} (this config needs ${minimum} or later)`,
        unless: `v=${installed}; [ -n "$v" ] && [ "$(printf '%s\\n' ${minimum} "$v" | sort -V | head -n 1)" = ${minimum} ]`,
        run: `${SIBLING('logstash-plugin')} install --version ${pin} logstash-integration-kafka`,
      });
    }
    if (options.queue === 'persisted') {
      actions.push({
        what: `append the persistent-queue settings of ${LOGSTASH_QUEUE_FILE} to ${paths.logstashYml}`,
        unless: `[ -f ${at(paths.logstashYml)} ] && grep -qE '^[[:space:]]*(queue\\.type|queue\\.max_bytes|path\\.queue)[[:space:]]*:' ${at(paths.logstashYml)}`,
        run: `mkdir -p "$(dirname ${at(paths.logstashYml)})" && cat "$HERE"/${shellQuote(LOGSTASH_QUEUE_FILE)} >> ${at(paths.logstashYml)}`,
      });
    }

    const env = ctx.secretMode === 'env';
    const lines: InstallLine[] = [{ dest: ENV_FILES, key: 'HOSTNAME=', line: `HOSTNAME=${HOST_PLACEHOLDER}`, owner: 'root', group: 'root', mode: '600', load: true }];
    if (env) lines.push({ dest: ENV_FILES, key: 'LOGSTASH_KEYSTORE_PASS=', line: `LOGSTASH_KEYSTORE_PASS=${RANDOM_PLACEHOLDER}`, owner: 'root', group: 'root', mode: '600', load: true });
    const settings = ['--path.settings', { path: paths.settings }];
    return {
      binary: 'logstash',
      binaryFallbacks: [`${BIN}/logstash`],
      installCommands: [
        '# add the Elastic package repository (elastic.co/guide/en/logstash/current/installing-logstash.html), then:',
        'apt-get install -y logstash   # RHEL family: yum install -y logstash',
      ],
      files,
      lines,
      keystore: env
        ? {
            key: ctx.passwordEnvVar,
            file: paths.keystore,
            create: [{ sibling: 'logstash-keystore' }, ...settings, 'create'],
            list: [{ sibling: 'logstash-keystore' }, ...settings, 'list'],
            add: [{ sibling: 'logstash-keystore' }, ...settings, 'add', ctx.passwordEnvVar],
            owner: 'logstash',
            group: 'root',
            mode: '600',
          }
        : undefined,
      actions,
      check: { argv: ['logstash', ...settings, '-f', { path: paths.pipeline }, '--config.test_and_exit'], withEnv: true, asUser: 'logstash' },
      service: 'logstash',
      watch: ['systemctl status logstash --no-pager', `tail -f ${paths.logFile}`],
    };
  },
  compose(ctx, options) {
    const facts = logstashDeployFacts(ctx, options);
    const { trust, paths } = facts;
    const tag = LOGSTASH_IMAGE_TAGS[options.version];
    const mounts = [{ source: `./${LOGSTASH_PIPELINE_FILE}`, target: '/usr/share/logstash/pipeline/logstash.conf' }];
    if (facts.jaasFile) mounts.push({ source: `./${LOGSTASH_JAAS_FILE}`, target: paths.jaas });
    const notes: string[] = [];
    if ((trust.source === 'sandbox-pem' || trust.source === 'sandbox-jks') && ctx.sandbox) {
      mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: trust.caPath });
      if (trust.source === 'sandbox-jks') {
        mounts.push({ source: `./${basename(trust.settings.path)}`, target: trust.settings.path });
        notes.push(`Build ${basename(trust.settings.path)} next to this file first, as the README's truststore step shows (keytool -importcert).`);
      }
    } else if (trust.source !== 'jvm') {
      const file = basename(trust.settings.path);
      mounts.push({ source: `./${file}`, target: trust.settings.path });
      notes.push(`Put the truststore ${file} next to this file first, as the README's “TLS trust” step makes it.`);
    }
    const ports: string[] = [];
    if (options.input === 'file') {
      // The folder of the watched files, up to the first wildcard.
      const folder = options.filePath.slice(0, options.filePath.search(/[*?[{]|$/)).replace(/\/[^/]*$/, '') || '/';
      mounts.push({ source: folder, target: folder });
    } else if (options.input === 'beats') {
      ports.push(`${options.beatsPort}:${options.beatsPort}`);
    }
    const environment: Record<string, string> = { HOSTNAME: '${HOSTNAME:-logstash}' };
    if (options.queue === 'persisted') Object.assign(environment, { QUEUE_TYPE: 'persisted', QUEUE_MAX_BYTES: QUEUE_MAX_BYTES });
    return {
      service: 'logstash',
      image: `docker.elastic.co/logstash/logstash:${tag}`,
      imageNote: `Logstash ${tag}, the newest release of the line chosen in the wizard (${options.version}).`,
      mounts,
      volumes: [{ name: 'logstash-data', target: '/usr/share/logstash/data' }],
      extra: { environment, ...(ports.length ? { ports } : {}) },
      envFile: composeEnvFile(ctx),
      notes: [
        ...notes,
        'client_id ends in the HOSTNAME compose passes on (export HOSTNAME before docker compose up, or it is “logstash”).',
        ...(options.queue === 'persisted' ? ['QUEUE_TYPE/QUEUE_MAX_BYTES: the image turns these variables into logstash.yml settings (the persistent queue).'] : []),
      ],
    };
  },
};
