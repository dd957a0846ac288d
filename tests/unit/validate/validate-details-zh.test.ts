/**
 * The check report's step details in Chinese: every detail shape the doctor
 * and the config check write (as they write them) comes out without English
 * prose, and English stays untouched.
 */
import { describe, expect, it } from 'vitest';
import { localizeStepDetail } from '@/lib/i18n/validate-details';
import { createRenderContext, hostFormNote } from '@/lib/agents';
import { untranslated } from '../../support/zh-text';
import { exampleSettings } from '../../support/settings';

const note = hostFormNote(createRenderContext(exampleSettings({ hostForm: 'region' })))!;

/** Details as lib/kafka/client/doctor.ts and lib/validation/validate-settings.ts write them. */
const DETAILS = [
  '3 files parsed back; bootstrap, topic, TLS, PLAIN, username and password match the settings.',
  `1 file parsed back; bootstrap, topic, TLS, PLAIN, username and password match the settings. Warning: ${note}`,
  'test-project-1.cn-hangzhou.log.aliyuncs.com → 127.0.0.1',
  'connected to 127.0.0.1:10012',
  'TLSv1.3; certificate for test-project-1.cn-hangzhou.log.aliyuncs.com valid until Dec  3 12:00:00 2027 GMT, issued by SLS Kafka Wizard Sandbox CA; host name test-project-1.cn-hangzhou.log.aliyuncs.com verified',
  'v3 answered; Produce v3–9, Metadata v0–8, SaslHandshake v0–1',
  'v3 → UNSUPPORTED_VERSION, retried with v2; Produce v3–9, Metadata v0–8, SaslHandshake none',
  'PLAIN accepted (offered: PLAIN)',
  'logged in as test-project-1',
  'Logstore test-logstore-1 has 2 shards; the endpoint advertises localhost:10012',
  'Logstore test-logstore-1 has 1 shard; the endpoint advertises no broker',
  'one gzip record to each of 2 shards, acks=1',
  'one uncompressed record to each of 1 shard, acks=1 (your agent uses acks=0, which gets no answer; the check asks for one)',
  'shard 0 → offset 4, shard 1 → offset 7',
  'no answer within 5000 ms',
  'ECONNRESET: reset by the server right after TCP connect, before any TLS byte',
  'PLAIN refused; the endpoint offers SCRAM-SHA-256',
  'login as test-project-1 refused: Authentication failed',
  'no metadata for test-logstore-1',
  'topic test-logstore-1: error 3',
  'shard 1: error 29',
  'the endpoint does not offer Produce v7 (Kafka 2.1)',
];

describe('check report details in zh-CN', () => {
  it.each(DETAILS)('%s', (detail) => {
    const zh = localizeStepDetail(detail, 'zh-CN');
    // Prose in English before, none after (the DNS detail is names only).
    if (untranslated(detail)) expect(zh).not.toBe(detail);
    expect(untranslated(zh)).toBeUndefined();
    // Names and numbers survive.
    for (const token of detail.match(/test-[\w.-]+|\b\d{2,}\b/g) ?? []) expect(zh).toContain(token);
  });

  it('leaves English and unknown details as written', () => {
    for (const detail of DETAILS) expect(localizeStepDetail(detail, 'en')).toBe(detail);
    expect(localizeStepDetail('something new', 'zh-CN')).toBe('something new');
  });
});
