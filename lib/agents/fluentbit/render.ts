/**
 * Fluent Bit renderer: one file, classic `.conf` or YAML, holding either a
 * whole pipeline (service, a tail input, the SLS kafka output) or the output
 * alone, plus the steps for the chosen platform. Pure: settings in, text out.
 */
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import { pipelineSections, renderClassic, renderYaml } from './config';
import { fileName } from './layout';
import type { FluentbitOptions } from './schema';
import { fluentbitSteps } from './steps';

function headerLines(ctx: RenderContext, options: FluentbitOptions): string[] {
  const lines = ['Fluent Bit to Alibaba Cloud Simple Log Service (SLS) over its Kafka endpoint.'];
  if (options.format === 'yaml') lines.push('YAML format: Fluent Bit 2.0 or newer.');
  if (options.mode === 'output-only') {
    lines.push(
      options.format === 'yaml'
        ? 'Copy the entry below into pipeline.outputs of your fluent-bit.yaml.'
        : 'Include it from your fluent-bit.conf with the line: @INCLUDE sls-kafka.conf',
    );
  }
  if (ctx.secretMode === 'inline') lines.push('It holds the AccessKey secret: keep it readable by root only (mode 0600).');
  return lines;
}

export function renderFluentbitConfig(ctx: RenderContext, options: FluentbitOptions): AgentRender {
  const sections = pipelineSections(ctx, options);
  const header = headerLines(ctx, options);
  const content = options.format === 'yaml' ? renderYaml(header, sections) : renderClassic(header, sections);
  return {
    files: [
      {
        agent: 'fluentbit',
        path: fileName(options),
        language: options.format === 'yaml' ? 'yaml' : 'fluentbit-classic',
        content,
      },
    ],
    steps: fluentbitSteps(ctx, options),
  };
}
