/**
 * The steps rsyslog and syslog-ng share after their own install and password
 * steps: save the drop-in (mode 600), check the configuration with the
 * daemon's own check, restart, send a test line with logger and look for the
 * records. Each agent's step-texts.json words them for its daemon.
 */
import { shellWord } from '../../config-languages/shell/quote';
import type { Message } from '../../i18n/core';
import type { RenderContext } from '../context';
import type { Say } from './say';
import { sandboxRecordsUrl, type StepInput } from './steps';

type SyslogStepKey =
  | 'save.title' | 'save.detail' | 'why.env' | 'why.inline'
  | 'check.title' | 'check.detail' | 'restart.title' | 'test.title' | 'test.detail'
  | 'sandbox.title' | 'sandbox.detail' | 'sls.title' | 'sls.detail'
  | 'shape.expanded' | 'shape.content' | 'shape.index';

export interface SyslogDaemon {
  /** The systemd unit and the name in the test line: `rsyslog`, `syslog-ng`. */
  service: string;
  fileName: string;
  dropIn: string;
  /** The daemon's own configuration check, ready to paste. */
  checks: string[];
}

export function syslogTailSteps(ctx: RenderContext, say: Say<Record<SyslogStepKey, Message>>, daemon: SyslogDaemon): StepInput[] {
  const shape = (other: 'shape.content' | 'shape.index') => say(ctx.expandJson ? 'shape.expanded' : other);
  return [
    {
      title: say('save.title', { file: daemon.fileName }),
      detail: say('save.detail', { file: daemon.fileName, why: say(ctx.secretMode === 'env' ? 'why.env' : 'why.inline') }),
      commands: [`sudo install -o root -g root -m 600 ${daemon.fileName} ${daemon.dropIn}`],
    },
    { title: say('check.title'), detail: say('check.detail'), commands: daemon.checks },
    {
      title: say('restart.title'),
      commands: [`sudo systemctl restart ${daemon.service}`, `sudo systemctl status ${daemon.service} --no-pager`],
    },
    {
      title: say('test.title'),
      detail: say('test.detail'),
      commands: [`logger -t sls-test 'hello SLS from ${daemon.service}'`, `sudo journalctl -u ${daemon.service} --since '-5 min' --no-pager`],
    },
    ctx.sandbox
      ? {
          title: say('sandbox.title'),
          detail: say('sandbox.detail', { shape: shape('shape.content') }),
          commands: [`curl -fsS ${shellWord(sandboxRecordsUrl(ctx.sandbox.caUrl, ctx.username, ctx.logstore))}`],
        }
      : {
          title: say('sls.title'),
          detail: say('sls.detail', { project: ctx.username, logstore: ctx.logstore, shape: shape('shape.index') }),
        },
  ];
}
