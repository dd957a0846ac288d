import { describe, expect, it } from 'vitest';
import { settingsSchema } from '@/lib/settings/schema';
import { problemPaths } from '@/components/form/form-status';
import { sandboxInboxHref } from '@/components/form/sandbox-link';

describe('problemPaths', () => {
  it('names each field once, agent options by option rather than by list entry', () => {
    const parsed = settingsSchema.safeParse({
      project: 'Bad Name',
      logstore: 'app-logs',
      accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
      accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
      agents: { beats: { paths: ['relative.log', 'also-relative.log'], compression: 'zstd' } },
    });
    expect(parsed.success).toBe(false);
    expect(problemPaths(parsed.error!.issues)).toEqual(['project', 'agents.beats.paths', 'agents.beats.compression']);
  });

  it('is empty for valid settings', () => {
    expect(problemPaths([])).toEqual([]);
  });
});

describe('sandboxInboxHref', () => {
  it('pre-fills the inbox with valid names only', () => {
    expect(sandboxInboxHref('test-project-1', 'app_logs')).toBe('/sandbox?project=test-project-1&logstore=app_logs');
    expect(sandboxInboxHref('Bad Project', 'app_logs')).toBe('/sandbox');
    expect(sandboxInboxHref('test-project-1', '')).toBe('/sandbox');
    expect(sandboxInboxHref(undefined, undefined)).toBe('/sandbox');
  });
});
