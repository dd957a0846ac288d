/**
 * The TLS trust choices for the Logstash Kafka output and the shell steps that
 * build them: the JVM default cacerts (simplest), a PEM bundle, or a JKS
 * built with keytool from the GlobalSign roots SLS uses since its 2025 root
 * change (sls-doc `kafka_logstash.md`: R1, R3, R5, R6, E46, R46), or — for the
 * sandbox — from the sandbox CA.
 */
import type { RenderStep } from '../types';
import { shellWord } from '../../config-languages/shell/quote';
import type { Say } from '../common/say';
import type texts from './step-texts.json';

/** The Logstash steps' text lookup (lib/agents/common/say.ts over ./step-texts.json). */
export type LogstashSay = Say<typeof texts>;

export interface TrustedRoot {
  /** keytool alias. */
  alias: string;
  name: string;
  /** GlobalSign's download (DER encoded), listed on support.globalsign.com "GlobalSign Root Certificates". */
  url: string;
  fileName: string;
  /** As `keytool -list` prints it. */
  sha256: string;
}

export const GLOBALSIGN_ROOTS: readonly TrustedRoot[] = [
  {
    alias: 'globalsign-root-r1',
    name: 'GlobalSign Root CA (R1)',
    url: 'https://secure.globalsign.com/cacert/root-r1.crt',
    fileName: 'root-r1.crt',
    sha256: 'EB:D4:10:40:E4:BB:3E:C7:42:C9:E3:81:D3:1E:F2:A4:1A:48:B6:68:5C:96:E7:CE:F3:C1:DF:6C:D4:33:1C:99',
  },
  {
    alias: 'globalsign-root-r3',
    name: 'GlobalSign Root CA - R3',
    url: 'https://secure.globalsign.com/cacert/root-r3.crt',
    fileName: 'root-r3.crt',
    sha256: 'CB:B5:22:D7:B7:F1:27:AD:6A:01:13:86:5B:DF:1C:D4:10:2E:7D:07:59:AF:63:5A:7C:F4:72:0D:C9:63:C5:3B',
  },
  {
    alias: 'globalsign-root-r5',
    name: 'GlobalSign ECC Root CA - R5',
    url: 'https://secure.globalsign.com/cacert/root-r5.crt',
    fileName: 'root-r5.crt',
    sha256: '17:9F:BC:14:8A:3D:D0:0F:D2:4E:A1:34:58:CC:43:BF:A7:F5:9C:81:82:D7:83:A5:13:F6:EB:EC:10:0C:89:24',
  },
  {
    alias: 'globalsign-root-r6',
    name: 'GlobalSign Root CA - R6',
    url: 'https://secure.globalsign.com/cacert/root-r6.crt',
    fileName: 'root-r6.crt',
    sha256: '2C:AB:EA:FE:37:D0:6C:A2:2A:BA:73:91:C0:03:3D:25:98:29:52:C4:53:64:73:49:76:3A:3A:B5:AD:6C:CF:69',
  },
  {
    alias: 'globalsign-root-e46',
    name: 'GlobalSign Root E46',
    url: 'https://secure.globalsign.com/cacert/roote46.crt',
    fileName: 'roote46.crt',
    sha256: 'CB:B9:C4:4D:84:B8:04:3E:10:50:EA:31:A6:9F:51:49:55:D7:BF:D2:E2:C6:B4:93:01:01:9A:D6:1D:9F:50:58',
  },
  {
    alias: 'globalsign-root-r46',
    name: 'GlobalSign Root R46',
    url: 'https://secure.globalsign.com/cacert/rootr46.crt',
    fileName: 'rootr46.crt',
    sha256: '4F:A3:12:6D:8D:3A:11:D1:C4:85:5A:4F:80:7C:BA:D6:CF:91:9D:3A:5A:88:B0:3B:EA:2C:63:72:D9:3C:40:C9',
  },
];

/** Where the roots are downloaded to before keytool imports them. */
export const GLOBALSIGN_DOWNLOAD_DIR = '/etc/logstash/globalsign';

/** The keytool of the JDK Logstash runs on. */
export function keytoolCommand(bundledJdk: boolean): string {
  return bundledJdk ? '/usr/share/logstash/jdk/bin/keytool' : 'keytool';
}

export interface JksStore {
  path: string;
  password: string;
  keytool: string;
}

/** `keytool -importcert` for one certificate file into a JKS store (created on first import). */
export function importCertCommand(store: JksStore, alias: string, certFile: string): string {
  return [
    'sudo',
    store.keytool,
    '-importcert -noprompt -trustcacerts',
    `-alias ${shellWord(alias)}`,
    `-file ${shellWord(certFile)}`,
    `-keystore ${shellWord(store.path)}`,
    '-storetype JKS',
    `-storepass ${shellWord(store.password)}`,
  ].join(' ');
}

export function listStoreCommand(store: JksStore): string {
  return `sudo ${store.keytool} -list -keystore ${shellWord(store.path)} -storepass ${shellWord(store.password)}`;
}

/** The store holds public certificates only; Logstash must read it. */
export function protectStoreCommands(path: string): string[] {
  return [`sudo chown root:logstash ${shellWord(path)}`, `sudo chmod 640 ${shellWord(path)}`];
}

function downloadPath(root: TrustedRoot): string {
  return `${GLOBALSIGN_DOWNLOAD_DIR}/${root.fileName}`;
}

/** Steps that build a JKS with the six GlobalSign roots, for target SLS. */
export function globalSignJksSteps(store: JksStore, say: LogstashSay): RenderStep[] {
  return [
    {
      agent: 'logstash',
      title: say('gs.title'),
      detail: say('gs.detail'),
      commands: [
        `sudo mkdir -p ${GLOBALSIGN_DOWNLOAD_DIR}`,
        ...GLOBALSIGN_ROOTS.map((root) => `sudo curl -fsSo ${shellWord(downloadPath(root))} ${shellWord(root.url)}`),
      ],
    },
    {
      agent: 'logstash',
      title: say('gsJks.title'),
      detail: say('gsJks.detail', { roots: GLOBALSIGN_ROOTS.map((root) => `${root.alias} ${root.sha256}`).join('; ') }),
      commands: [
        ...GLOBALSIGN_ROOTS.map((root) => importCertCommand(store, root.alias, downloadPath(root))),
        listStoreCommand(store),
        ...protectStoreCommands(store.path),
      ],
    },
  ];
}
