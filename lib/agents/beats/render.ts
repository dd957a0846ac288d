/**
 * Beats renderer: one `<beat>.yml` per chosen Beat (Filebeat, Metricbeat,
 * Packetbeat, Winlogbeat, Auditbeat, Heartbeat), either the `output.kafka`
 * section alone or a complete minimal config, plus the steps to install it.
 * All six Beats share libbeat's Kafka output, so the output section is the
 * same; only the input, paths and service names differ.
 */
import type { BeatName, BeatsOptions } from './schema';
import type { RenderContext } from '../context';
import type { AgentRender, RenderedFile } from '../types';
import { BEAT_FACTS, inputLines } from './catalog';
import { outputKafkaLines, queueLines } from './output';
import { beatSteps } from './steps';
import { yamlComment } from '../../config-languages/yaml/text';

function beatFile(beat: BeatName, outputLines: readonly string[], options: BeatsOptions): RenderedFile {
  const facts = BEAT_FACTS[beat];
  const file = `${beat}.yml`;
  const lines =
    options.mode === 'complete'
      ? [
          yamlComment(`${facts.title} to Alibaba Cloud SLS over the Kafka protocol (SASL_SSL, PLAIN).`),
          yamlComment(`A complete minimal ${file}: one input and output.kafka, the only output.`),
          '',
          ...inputLines(beat, options),
          '',
          ...queueLines(),
          '',
          ...outputLines,
        ]
      : [
          yamlComment(`${facts.title} to Alibaba Cloud SLS over the Kafka protocol (SASL_SSL, PLAIN).`),
          yamlComment(`Paste this section into ${file}.`),
          yamlComment('Only one output may be enabled: comment out output.elasticsearch and output.logstash.'),
          ...outputLines,
          '',
          ...queueLines(),
        ];
  return { agent: 'beats', path: file, language: 'yaml', content: `${lines.join('\n')}\n` };
}

export function renderBeatsConfig(ctx: RenderContext, options: BeatsOptions): AgentRender {
  return {
    // The output section differs between Beats only in client_id.
    files: options.beats.map((beat) => beatFile(beat, outputKafkaLines(ctx, options, beat), options)),
    steps: options.beats.flatMap((beat) => beatSteps(BEAT_FACTS[beat], ctx, options)),
  };
}
