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
import { sayer } from '../common/say';
import texts from './step-texts.json';

type NoteKey = `${'dockerNote' | 'windowsNote'}.${string}` & keyof typeof texts;

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


export function beatSteps(beat: BeatFacts, ctx: RenderContext, options: BeatsOptions): RenderStep[] {
  const file = `${beat.name}.yml`;
  const env = ctx.secretMode === 'env';
  const complete = options.mode === 'complete';
  const caFile = ctx.sandbox?.caFileName;
  const steps: RenderStep[] = [];
  const say = sayer(texts, ctx.lang);
  /** A Beat's platform note, when it has one. */
  const note = (kind: 'dockerNote' | 'windowsNote') => {
    const key = `${kind}.${beat.name}`;
    return key in texts ? say(key as NoteKey) : undefined;
  };
  const what = say(complete ? 'installConfig' : 'addOutput');
  const step = (s: Omit<RenderStep, 'agent'>) => steps.push({ agent: 'beats', ...s });

  if (!complete) {
    step({
      kind: 'warning',
      title: say('oneOutputTitle', { beat: beat.title }),
      detail: say('oneOutputDetail', { file }),
    });
  }

  if (beat.linuxService) {
    const dir = `/etc/${beat.name}`;
    const config = `${dir}/${file}`;
    step({
      title: say('linuxTitle', { beat: beat.title, what }),
      detail: [
        complete ? say('linuxCompleteDetail', { config, file }) : say('pasteOutput', { config }),
        env ? say('linuxKeystore') : undefined,
        say('configOk'),
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
      title: say('windowsTitle', { beat: beat.title, what }),
      detail: [
        say('windowsIntro', { name: beat.name }),
        complete ? say('windowsReads', { config: win.config }) : say('pasteOutput', { config: win.config }),
        env ? say('windowsKeystore') : undefined,
        note('windowsNote'),
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
      title: say('dockerTitle', { beat: beat.title }),
      detail: [
        say('dockerDetail', { home, file, mount: say(complete ? 'mountThis' : 'mountYours') }),
        env ? say('dockerEnv', { variable: ctx.passwordEnvVar }) : undefined,
        note('dockerNote'),
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

  const verifyDetail = say('verifyDetail', { name: beat.name });
  if (beat.linuxService) {
    step({
      title: say('linuxWatchTitle', { beat: beat.title }),
      detail: verifyDetail,
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
      title: say('windowsWatchTitle', { beat: beat.title }),
      detail: verifyDetail,
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
