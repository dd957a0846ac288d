/**
 * Telegraf renderer: one TOML file with the `[[outputs.kafka]]` block for
 * SLS, either as a drop-in for /etc/telegraf/telegraf.d (`sls-kafka.conf`) or
 * as a complete telegraf.conf with [agent] and basic host inputs, plus the
 * steps to install, test and run it. Pure: settings in, text out.
 */
import type { TelegrafOptions } from './schema';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import { agentLines, basicInputLines } from './complete-config';
import { kafkaOutputLines } from './kafka-output';
import { COMPLETE_FILE_NAME, DROP_IN_FILE_NAME, telegrafSteps } from './steps';
import { renderTomlLines, type TomlLine } from '../../config-languages/toml/lines';

function headerLines(options: TelegrafOptions): TomlLine[] {
  const release =
    options.telegrafVersion === '1.25+' ? 'For Telegraf 1.25 or newer.' : 'For Telegraf 1.17 to 1.24.';
  const place =
    options.layout === 'complete'
      ? 'Save as /etc/telegraf/telegraf.conf (agent settings, host metrics and the SLS output).'
      : `Save as /etc/telegraf/telegraf.d/${DROP_IN_FILE_NAME}; inputs come from telegraf.conf.`;
  return [
    { comment: 'Telegraf to Alibaba Cloud Simple Log Service (SLS) over its Kafka endpoint.' },
    { comment: release },
    { comment: place },
    { blank: true },
  ];
}

export function renderTelegrafConfig(ctx: RenderContext, options: TelegrafOptions): AgentRender {
  const lines: TomlLine[] =
    options.layout === 'complete'
      ? [
          ...headerLines(options),
          ...agentLines(),
          { blank: true },
          ...kafkaOutputLines(ctx, options),
          { blank: true },
          ...basicInputLines(),
        ]
      : [...headerLines(options), ...kafkaOutputLines(ctx, options)];
  return {
    files: [
      {
        agent: 'telegraf',
        path: options.layout === 'complete' ? COMPLETE_FILE_NAME : DROP_IN_FILE_NAME,
        language: 'toml',
        content: renderTomlLines(lines),
      },
    ],
    steps: telegrafSteps(ctx, options),
  };
}
