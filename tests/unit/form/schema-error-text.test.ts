import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { fieldErrorText, redactSecretMessage, schemaErrorText } from '@/components/form/schema-error-text';
import { zhErrorTables } from '@/lib/i18n/messages/form-errors';

const VALID = {
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
} as const;

/** Every message the schema gives for these settings. */
function messagesFor(input: Record<string, unknown>): string[] {
  const parsed = settingsSchema.safeParse({ ...VALID, ...input } as SettingsInput);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

const agent = (id: string, options: Record<string, unknown>) => ({ agents: { [id]: options } });

/** Inputs a user can produce with the form's controls, covering every message the options and names give. */
const FORM_REACHABLE: Record<string, unknown>[] = [
  { project: '' }, { project: 'a b' }, { project: 'My_Project' }, { project: 'MY' }, { project: 'my.project' }, { project: 'ab' },
  { project: 'a'.repeat(64) }, { project: '-abc' }, { project: 'projé' }, { logstore: '' }, { logstore: 'x?y' }, { logstore: '_abc' },
  { accessKeyId: '' }, { accessKeyId: 'STS.abc' }, { accessKeyId: 'LTAI 5t' }, { accessKeyId: '"LTAI5t"' }, { accessKeyId: 'LTAI#x' },
  { accessKeyId: 'LTAI-5tAbCdEfGhIjKlMn' }, { accessKeyId: 'LTAI5t' },
  { accessKeySecret: '' }, { accessKeySecret: 'abc def' }, { accessKeySecret: "'abc'" }, { accessKeySecret: 'abc#def' },
  { accessKeySecret: 'abcdefghij-klmnopqrst' }, { accessKeySecret: 'short' },
  agent('beats', { beats: [] }), agent('beats', { compression: 'zstd', version: '8' }), agent('beats', { compression: 'zstd', version: '7.17' }),
  agent('beats', { maxMessageBytes: Number.NaN }), agent('beats', { maxMessageBytes: 1.5 }), agent('beats', { maxMessageBytes: 0 }),
  agent('beats', { maxMessageBytes: 2_000_000 }), agent('beats', { paths: [] }), agent('beats', { paths: ['relative.log'] }),
  agent('beats', { paths: [' /var/log/a.log'] }), agent('beats', { paths: ['/var/log/\u0007.log'] }), agent('beats', { paths: ['/' + 'a'.repeat(3000)] }),
  agent('beats', { paths: Array.from({ length: 65 }, (_, i) => `/var/log/${i}.log`) }),
  agent('beats', { heartbeatUrls: [] }), agent('beats', { heartbeatUrls: ['not a url'] }), agent('beats', { heartbeatUrls: ['localhost'] }),
  agent('beats', { heartbeatUrls: ['ftp://example.com'] }), agent('beats', { heartbeatUrls: ['http://' + 'a'.repeat(3000)] }),
  agent('collectd', { osFamily: 'custom' }), agent('collectd', { caPath: 'relative.pem' }), agent('collectd', { caPath: '/etc/a\n.pem' }),
  agent('telegraf', { maxRetry: 101 }), agent('telegraf', { maxRetry: Number.NaN }), agent('telegraf', { osFamily: 'custom' }),
  agent('telegraf', { osFamily: 'custom', caPath: 'ca.pem' }), agent('telegraf', { caPath: '/etc/ssl/' }), agent('telegraf', { caPath: '/etc/\tca.pem' }),
  agent('telegraf', { caPath: '/' + 'a'.repeat(5000) }), agent('telegraf', { caPath: '/etc/\ud800.pem' }),
  agent('fluentd', { match: '' }), agent('fluentd', { match: 'a  b' }), agent('fluentd', { match: 'app/**' }), agent('fluentd', { match: '{a,{b}}' }),
  agent('fluentd', { match: 'a'.repeat(300) }), agent('fluentd', { caMode: 'file' }), agent('fluentd', { caMode: 'file', caPath: 'ca.pem' }),
  agent('fluentd', { caMode: 'file', caPath: '/a.pem,/b.pem' }), agent('fluentd', { bufferPath: '/var/buf\n' }), agent('fluentd', { bufferPath: '/var/buf ' }),
  agent('fluentd', { bufferPath: '/var/\ud800' }), agent('fluentd', { bufferPath: '/' + 'a'.repeat(1100) }),
  agent('fluentd', { flushInterval: Number.NaN }), agent('fluentd', { flushInterval: 1.5 }), agent('fluentd', { flushInterval: 0 }),
  agent('fluentd', { flushInterval: 4000 }), agent('fluentd', { chunkLimitSize: '1mb' }), agent('fluentd', { chunkLimitSize: '9m' }),
  agent('fluentd', { totalLimitSize: '1k' }),
  agent('logstash', { clientId: '' }), agent('logstash', { clientId: 'a\tb' }), agent('logstash', { filePath: 'C:\\logs\\a.log' }),
  agent('logstash', { filePath: 'it\'s "x"' }), agent('logstash', { filePath: '/var/${HOME}/a.log' }), agent('logstash', { filePath: 'logs/a.log' }),
  agent('logstash', { jksPassword: 'abc' }), agent('logstash', { beatsPort: 0 }), agent('logstash', { beatsPort: Number.NaN }),
  agent('logstash', { beatsPort: 1.5 }), agent('logstash', { truststore: 'pem', version: '7.0-7.9' }),
  agent('logstash', { compression: 'zstd', version: '6' }),
  agent('logstash', { clientId: 'a\ud800' }), agent('logstash', { jksPassword: 'a'.repeat(5000) }),
  agent('collectd', { caPath: '/etc/\ud800.pem' }), agent('collectd', { caPath: '/' + 'a'.repeat(5000) }),
];

const CJK = /[\u4e00-\u9fff]/;

describe('schema messages in Chinese', () => {
  it('translates every message the form can produce, label and fix alike', () => {
    const seen = new Set<string>();
    for (const input of FORM_REACHABLE) {
      const messages = messagesFor(input);
      expect(messages.length, JSON.stringify(input)).toBeGreaterThan(0);
      for (const message of messages) {
        seen.add(message);
        const zh = schemaErrorText(message, 'zh-CN', zhErrorTables);
        expect(zh.translated, message).toBe(true);
        expect(zh.text, message).toMatch(CJK);
        // The English fix is gone: no run of four English words is left.
        expect(zh.text, message).not.toMatch(/\b[a-z]+ [a-z]+ [a-z]+ [a-z]+\b/);
      }
    }
    expect(seen.size).toBeGreaterThan(70);
  });

  it('keeps what the message quotes (suggestions, examples, versions)', () => {
    expect(schemaErrorText('Project: use lowercase letters only; try “my-project”.', 'zh-CN', zhErrorTables).text).toBe(
      '项目：只能使用小写字母；可以改为“my-project”。',
    );
    const [zstd] = messagesFor(agent('beats', { compression: 'zstd', version: '8' }));
    expect(schemaErrorText(zstd!, 'zh-CN', zhErrorTables).text).toBe('压缩方式：Beats 8 不支持 zstd；请选择 gzip（或 lz4、snappy、none），或把 Beats 版本设为 9。');
    const [name] = messagesFor({ logstore: '' });
    expect(schemaErrorText(name!, 'zh-CN', zhErrorTables).text).toBe('日志库：请输入名称（3–63 个字符，可使用小写字母、数字、连字符（-）和下划线（_））。');
  });

  it('translates random names, keys, paths and patterns too', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(text, fc.constantFrom('project', 'logstore', 'accessKeyId', 'accessKeySecret'), (value, field) => {
        for (const message of messagesFor({ [field]: value })) expect(schemaErrorText(message, 'zh-CN', zhErrorTables).translated, message).toBe(true);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        text,
        fc.constantFrom<[string, string]>(
          ['beats', 'paths'], ['beats', 'heartbeatUrls'], ['collectd', 'caPath'], ['telegraf', 'caPath'], ['fluentd', 'match'],
          ['fluentd', 'bufferPath'], ['fluentd', 'chunkLimitSize'], ['logstash', 'filePath'], ['logstash', 'clientId'], ['logstash', 'jksPassword'],
        ),
        (value, [id, option]) => {
          const list = option === 'paths' || option === 'heartbeatUrls';
          const extra = id === 'collectd' || id === 'telegraf' ? { osFamily: 'custom' } : {};
          for (const message of messagesFor(agent(id, { ...extra, [option]: list ? [value] : value }))) {
            expect(schemaErrorText(message, 'zh-CN', zhErrorTables).translated, message).toBe(true);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('leaves English as it is, shows English until the Chinese tables are loaded, and marks unknown messages as untranslated', () => {
    expect(schemaErrorText('Project: use lowercase letters only.', 'zh-CN', undefined)).toEqual({ text: 'Project: use lowercase letters only.', translated: false });
    const message = 'Project: use lowercase letters only.';
    expect(schemaErrorText(message, 'en', zhErrorTables)).toEqual({ text: message, translated: true });
    expect(schemaErrorText('Project: something new.', 'zh-CN', zhErrorTables)).toEqual({ text: '项目：something new.', translated: false });
    expect(schemaErrorText('No label here', 'zh-CN', zhErrorTables)).toEqual({ text: 'No label here', translated: false });
  });
});

describe('the AccessKey secret is never echoed', () => {
  it('replaces the quoted character of the secret’s message, in both languages', () => {
    const [raw] = messagesFor({ accessKeySecret: 'abcdefghij!klmnopqrst' });
    expect(raw).toContain('“!”');
    expect(redactSecretMessage(raw!)).not.toContain('!');
    expect(fieldErrorText('accessKeySecret', raw!, 'en', zhErrorTables)).toBe(
      'AccessKey secret: remove the character that is not a letter or digit; AccessKeys have only letters and digits.',
    );
    expect(fieldErrorText('accessKeySecret', raw!, 'zh-CN', zhErrorTables)).toBe('AccessKey Secret：请删除字母和数字以外的字符；AccessKey 只包含字母和数字。');
    // Other fields keep the character: it helps and is no secret.
    const [idMessage] = messagesFor({ accessKeyId: 'LTAI5t!AbCdEfGhIjKlMn' });
    expect(fieldErrorText('accessKeyId', idMessage!, 'en', zhErrorTables)).toContain('“!”');
  });

  it('shows no character of any secret that is not a letter or digit', () => {
    const fixed = new Set(
      Array.from(
        fieldErrorText('accessKeySecret', 'AccessKey secret: “!” is not allowed; AccessKeys have only letters and digits.', 'en', zhErrorTables) +
          fieldErrorText('accessKeySecret', 'AccessKey secret: “!” is not allowed; AccessKeys have only letters and digits.', 'zh-CN', zhErrorTables),
      ),
    );
    const odd = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((c) => !/[A-Za-z0-9\s"'`#]/u.test(c) && !fixed.has(c));
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{8,30}$/), odd, (alnum, c) => {
        const secret = `${alnum.slice(0, 4)}${c}${alnum.slice(4)}`;
        for (const message of messagesFor({ accessKeySecret: secret })) {
          for (const lang of ['en', 'zh-CN'] as const) expect(fieldErrorText('accessKeySecret', message, lang, zhErrorTables)).not.toContain(c);
        }
      }),
      { numRuns: 300 },
    );
  });
});
