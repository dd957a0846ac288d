import { describe, expect, it } from 'vitest';
import { fieldErrors, settingsSchema } from '@/lib/settings/schema';
import { beatsOptionsSchema } from '@/lib/agents/beats/schema';

const required = {
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
};

describe('settings schema', () => {
  it('fills sensible defaults for everything but the names and credentials', () => {
    const s = settingsSchema.parse(required);
    expect(s).toEqual({
      ...required,
      region: 'cn-hangzhou',
      network: 'internet',
      hostForm: 'project',
      secretMode: 'inline',
      target: 'sls',
      expandJson: false,
      agents: { beats: beatsOptionsSchema.parse({}) },
    });
    expect(s.agents.beats?.beats).toEqual(['filebeat']);
  });

  it('requires the names and credentials, naming each field', () => {
    const res = settingsSchema.safeParse({});
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    expect(errors.map((e) => e.field).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'logstore', 'project']);
    expect(errors.find((e) => e.field === 'project')?.message).toBe('Project: this field is required.');
  });

  it('rejects unknown top-level fields by name', () => {
    const res = settingsSchema.safeParse({ ...required, host: 'evil.example.com', debug: true });
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    expect(errors.map((e) => e.field).sort()).toEqual(['debug', 'host']);
    expect(errors[0]?.message).toMatch(/Unknown fields “host”, “debug”: remove them/);
  });

  it('rejects unknown agents and unknown agent options', () => {
    const res = settingsSchema.safeParse({ ...required, agents: { splunk: {}, beats: { colour: 'red' } } });
    expect(res.success).toBe(false);
    const fields = fieldErrors(res.error!).map((e) => e.field).sort();
    expect(fields).toEqual(['agents.beats.colour', 'agents.splunk']);
  });

  it('rejects a body that is not an object', () => {
    for (const body of [null, 'text', 42, []]) {
      const res = settingsSchema.safeParse(body);
      expect(res.success).toBe(false);
      expect(res.error!.issues[0]?.message).toBe('Settings: expected a JSON object.');
    }
  });

  it('rejects bad enums with the accepted values in the message', () => {
    const res = settingsSchema.safeParse({ ...required, network: 'vpc', secretMode: 'file', target: 'prod', hostForm: 'x' });
    const byField = Object.fromEntries(fieldErrors(res.error!).map((e) => [e.field, e.message]));
    expect(byField.network).toMatch(/^Network: choose “internet” \(port 10012\) or “intranet”/);
    expect(byField.secretMode).toMatch(/^Secret mode: /);
    expect(byField.target).toMatch(/^Target: /);
    expect(byField.hostForm).toMatch(/^Host form: /);
  });

  it('accepts open and closing regions, rejects closed and unknown ones', () => {
    expect(settingsSchema.safeParse({ ...required, region: 'eu-central-1' }).success).toBe(true);
    expect(settingsSchema.safeParse({ ...required, region: 'cn-nanjing' }).success).toBe(true);
    expect(settingsSchema.safeParse({ ...required, region: 'cn-hangzhou-finance' }).success).toBe(true);
    const closed = settingsSchema.safeParse({ ...required, region: 'ap-southeast-2' });
    expect(closed.error?.issues[0]?.message).toMatch(/^Region: Australia \(Sydney\) \(ap-southeast-2\) is closed/);
    const unknown = settingsSchema.safeParse({ ...required, region: 'mars-north-1' });
    expect(unknown.error?.issues[0]?.message).toMatch(/^Region: “mars-north-1” is not an SLS region id/);
  });
});
