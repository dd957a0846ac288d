/**
 * The steps around each `<beat>.yml`: where the file goes on Linux (deb/rpm),
 * Windows and Docker, how to store the password in the Beat keystore, how
 * to test the config, restart and watch the first events reach SLS.
 * Sources: docs/agents/beats.md, keystore and file layout (`test output` for Kafka only
 * dials TCP, or reports no support: docs/agents/beats.md#testing); Elastic
 * keystore and directory-layout docs; sarama's SASL log lines.
 */
import type { BeatsOptions } from './schema';
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import type { BeatFacts } from './catalog';
import { powershellQuote, shellWord } from '../../config-languages/shell/quote';
import { hostPlaceholderCommand, hostPlaceholderPowerShell } from '../client-id';

function windowsPaths(beat: BeatFacts) {
  const dir = `C:\\Program Files\\${beat.title}`;
  return {
    dir,
    config: `${dir}\\${beat.name}.yml`,
    exe: powershellQuote(`${dir}\\${beat.name}.exe`),
    /**
     * The keystore lives in the data folder the service was installed with:
     * %PROGRAMDATA%\<beat> until 2025, C:\Program Files\<Beat>-Data since
     * (elastic/beats#43995, also in 8.18/8.19). Read it from the service.
     */
    findData: `$data = [regex]::Match((Get-CimInstance Win32_Service -Filter "Name='${beat.windowsService ?? beat.name}'").PathName, '-{1,2}path\\.data "([^"]+)"').Groups[1].Value`,
    data: '--path.data $data',
  };
}

const SUCCESS_LINES =
  'Success looks like “Successful SASL handshake”, “SASL authentication successful with broker” and “Connected to broker at …”, then a 30-second “Non-zero metrics” line whose output events “acked” count grows.';
const FAILURE_LINES =
  '“not authorized to access this topic” means a wrong AccessKey or no write permission; “topic or partition that does not exist” means a missing project or Logstore, or the wrong region.';

export function beatSteps(beat: BeatFacts, ctx: RenderContext, options: BeatsOptions): RenderStep[] {
  const file = `${beat.name}.yml`;
  const env = ctx.secretMode === 'env';
  const complete = options.mode === 'complete';
  const caFile = ctx.sandbox?.caFileName;
  const steps: RenderStep[] = [];
  const step = (s: Omit<RenderStep, 'agent'>) => steps.push({ agent: 'beats', ...s });

  if (!complete) {
    step({
      kind: 'warning',
      title: `${beat.title}: keep only one output`,
      detail: `A Beat runs exactly one output: comment out output.elasticsearch and output.logstash (with their indented lines) in ${file}, or it stops with “more than one namespace configured accessing 'output'”.`,
    });
  }

  if (beat.linuxService) {
    const dir = `/etc/${beat.name}`;
    const config = `${dir}/${file}`;
    step({
      title: `${beat.title} on Linux (deb/rpm): ${complete ? 'install the config' : 'add the output'}`,
      detail: [
        complete
          ? `The package reads ${config}; the copy keeps the packaged file as ${file}.orig.`
          : `Paste the output.kafka section into ${config}.`,
        env
          ? `keystore add prompts for the value: paste AccessKeyId#AccessKeySecret. Run it with sudo, as the service runs as root; answer N if create asks to overwrite an existing keystore.`
          : undefined,
        '“Config OK” means the file parses.',
      ]
        .filter(Boolean)
        .join(' '),
      commands: [
        ...(ctx.sandbox && caFile ? [`sudo curl -fsSo ${dir}/${caFile} ${shellWord(ctx.sandbox.caUrl)}`] : []),
        ...(complete
          ? [`sudo cp -n ${config} ${config}.orig`, `sudo install -m 0600 -o root -g root ${file} ${config}`]
          : [`sudoedit ${config}`]),
        hostPlaceholderCommand(config),
        ...(env ? [`sudo ${beat.name} keystore create`, `sudo ${beat.name} keystore add ${ctx.passwordEnvVar}`] : []),
        `sudo ${beat.name} test config -c ${config}`,
        `sudo systemctl restart ${beat.linuxService}`,
      ],
    });
  }

  if (beat.windowsService) {
    const win = windowsPaths(beat);
    step({
      title: `${beat.title} on Windows: ${complete ? 'install the config' : 'add the output'}`,
      detail: [
        `In PowerShell as Administrator, after install-service-${beat.name}.ps1; $data is the service's data folder, which holds the keystore.`,
        complete ? `The service reads ${win.config}.` : `Paste the output.kafka section into ${win.config}.`,
        env ? 'keystore add prompts for the value: paste AccessKeyId#AccessKeySecret.' : undefined,
        beat.windowsNote,
      ]
        .filter(Boolean)
        .join(' '),
      commands: [
        ...(ctx.sandbox && caFile
          ? [`Invoke-WebRequest -UseBasicParsing -Uri ${powershellQuote(ctx.sandbox.caUrl)} -OutFile ${powershellQuote(`${win.dir}\\${caFile}`)}`]
          : []),
        complete ? `Copy-Item .\\${file} ${powershellQuote(win.config)}` : `notepad ${powershellQuote(win.config)}`,
        hostPlaceholderPowerShell(powershellQuote(win.config)),
        win.findData,
        ...(env
          ? [`& ${win.exe} keystore create ${win.data}`, `& ${win.exe} keystore add ${ctx.passwordEnvVar} ${win.data}`]
          : []),
        `& ${win.exe} test config -c ${powershellQuote(win.config)} ${win.data}`,
        `Restart-Service ${beat.windowsService}`,
      ],
    });
  }

  if (beat.dockerFlags) {
    const home = `/usr/share/${beat.name}`;
    const flags = [...beat.dockerFlags];
    // The sandbox usually listens on the Docker host itself.
    if (ctx.sandbox && !flags.includes('--network host')) flags.push('--network host');
    if (env) flags.push(`-e ${ctx.passwordEnvVar}`);
    flags.push(`-v "$PWD/${file}:${home}/${file}:ro"`);
    if (caFile) flags.push(`-v "$PWD/${caFile}:${home}/${caFile}:ro"`);
    step({
      title: `${beat.title} in Docker`,
      detail: [
        `The image reads ${home}/${file}; ${complete ? 'mount this file there' : 'mount your config with the output.kafka section there'}. Elastic publishes no “latest” tag: set BEATS_VERSION to the exact version you run.`,
        env ? `The container takes the password from the environment variable ${ctx.passwordEnvVar}; read prompts for it so it stays out of the shell history.` : undefined,
        beat.dockerNote,
      ]
        .filter(Boolean)
        .join(' '),
      commands: [
        ...(ctx.sandbox && caFile ? [`curl -fsSo ${caFile} ${shellWord(ctx.sandbox.caUrl)}`] : []),
        ...(env ? [`read -rsp 'AccessKeyId#AccessKeySecret: ' ${ctx.passwordEnvVar} && export ${ctx.passwordEnvVar}`] : []),
        hostPlaceholderCommand(file, false),
        `docker run -d --name ${beat.name} ${flags.join(' ')} "docker.elastic.co/beats/${beat.name}:\${BEATS_VERSION:?set BEATS_VERSION to your Beats version}" ${beat.name} -e --strict.perms=false`,
        `docker logs -f ${beat.name}`,
      ],
    });
  }

  const verifyDetail = (stop: string) =>
    `Do not rely on “${beat.name} test output” here: for Kafka it at most opens a TCP connection to each host and warns “Kafka output doesn't support TLS testing” (some releases print “kafka output doesn't support testing” instead); it never checks TLS, the SASL login or the Logstore. So run the Beat in the foreground with Kafka debug logging. ${SUCCESS_LINES} ${FAILURE_LINES} ${stop}`;
  if (beat.linuxService) {
    step({
      title: `${beat.title} on Linux: watch the first events reach SLS`,
      detail: verifyDetail('Stop it with Ctrl+C; the last command starts the service again.'),
      commands: [
        `sudo systemctl stop ${beat.linuxService}`,
        `sudo ${beat.name} -e -d kafka -c /etc/${beat.name}/${file}`,
        `sudo systemctl start ${beat.linuxService}`,
      ],
    });
  }
  if (beat.windowsService) {
    const win = windowsPaths(beat);
    step({
      title: `${beat.title} on Windows: watch the first events reach SLS`,
      detail: verifyDetail('Stop it with Ctrl+C; the last command starts the service again.'),
      commands: [
        win.findData,
        `Stop-Service ${beat.windowsService}`,
        `& ${win.exe} -e -d kafka -c ${powershellQuote(win.config)} ${win.data}`,
        `Start-Service ${beat.windowsService}`,
      ],
    });
  }
  return steps;
}
