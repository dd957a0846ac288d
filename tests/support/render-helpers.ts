/**
 * Shared by the renderer tests (tests/unit/render): the sandbox target they
 * render for, a render context from the example settings, the steps as text
 * or as the Markdown the golden step files hold, the golden cases (secret
 * mode × target) and the check of a file and its steps against their golden
 * files, the check that a schema
 * error names its field, the producer settings a rendered file must read
 * back to, and the arbitraries the renderers' property tests share.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ZodType } from 'zod';
import { createRenderContext, type RenderContext } from '@/lib/agents';
import type { RenderStep } from '@/lib/agents/types';
import type { SettingsInput } from '@/lib/settings/schema';
import { exampleSettings } from './settings';

export const SANDBOX = { host: 'localhost', port: 10012, caUrl: 'http://localhost:3000/api/sandbox/ca' };

/** The context of the example settings with `overrides`, with SANDBOX as the sandbox target. */
export function contextFor(overrides: Partial<SettingsInput> = {}): RenderContext {
  return createRenderContext(exampleSettings(overrides), { sandbox: SANDBOX });
}

/** Every title, detail and command of the steps, one per line (for "the secret is nowhere" checks). */
export function stepText(steps: RenderStep[]): string {
  return steps.map((s) => [s.title, s.detail ?? '', ...(s.commands ?? [])].join('\n')).join('\n');
}

export const allCommands = (steps: RenderStep[]) => steps.flatMap((s) => s.commands ?? []);

/** The steps as the numbered Markdown list the golden steps.*.md files hold. */
export function stepsMarkdown(steps: RenderStep[]): string {
  return steps
    .map((s, i) => {
      const head = `${i + 1}. ${s.kind === 'warning' ? '⚠ ' : ''}${s.title}`;
      const detail = s.detail ? `\n\n   ${s.detail}` : '';
      const commands = (s.commands ?? []).map((c) => `\n\n       ${c}`).join('');
      return `${head}${detail}${commands}\n`;
    })
    .join('\n');
}

/** Golden cases: each of `values` × inline and env secret × SLS and sandbox target, as test.each rows. */
export function goldenCases<const T>(values: readonly T[]) {
  return values.flatMap((value) =>
    (['inline', 'env'] as const).flatMap((secretMode) => (['sls', 'sandbox'] as const).map((target) => [value, secretMode, target] as const)),
  );
}

/** A rendered file and its steps against their reviewed golden files (paths relative to the test file). */
export async function expectGolden(rendered: { file: { content: string }; steps: RenderStep[] }, filePath: string, stepsPath: string): Promise<void> {
  await expect(rendered.file.content).toMatchFileSnapshot(filePath);
  await expect(stepsMarkdown(rendered.steps)).toMatchFileSnapshot(stepsPath);
}

/** `input` is refused, and the first message starts with `prefix` (the field's label) and goes on to say more. */
export function expectRejectedNaming(schema: ZodType, input: unknown, prefix: string): void {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const message = result.error!.issues[0]!.message;
  expect(message.startsWith(prefix)).toBe(true);
  expect(message.length).toBeGreaterThan(prefix.length + 15);
}

/** The producer settings a file rendered for `ctx` reads back to: SASL PLAIN over TLS, keyless, with this password (or reference), codec and acks. */
export function producerReadBack(ctx: RenderContext, expected: { password: string; codec: string; acks: number }) {
  return {
    bootstrap: ctx.endpoint.bootstrap,
    topic: ctx.topic,
    username: ctx.username,
    password: expected.password,
    mechanism: 'PLAIN',
    tls: true,
    constantKey: undefined,
    codec: expected.codec,
    acks: expected.acks,
  };
}

/** The settings a renderer's output varies with most: secret mode, target, expand JSON and network. */
export const settingsArbitrary = fc.record({
  secretMode: fc.constantFrom('inline', 'env'),
  target: fc.constantFrom('sls', 'sandbox'),
  expandJson: fc.boolean(),
  network: fc.constantFrom('internet', 'intranet'),
});

/** Up to 8 pieces, each one of `hostile` or a short random string, joined. */
export function hostileTextFrom(hostile: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 5 })), { maxLength: 8 }).map((p) => p.join(''));
}
