/**
 * `sls-kafka`: the wizard's command line, for automation and for the agent's
 * own host. Every command runs the same modules as the routes (lib/agents,
 * lib/bundle, lib/settings, lib/validation and lib/kafka/client, lib/lint,
 * lib/sandbox). Argument parsing and `--help` are commander's; exit codes are
 * cli/errors.ts's EXIT (README.md, "Command line").
 */
import { Command, CommanderError, Option } from 'commander';
import { AGENT_IDS } from '../lib/agents/meta';
import { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGETS } from '../lib/deploy/choice';
import { doctorCommand, type DoctorFlags } from './commands/doctor';
import { lintCommand, type LintFlags } from './commands/lint';
import { renderBundle, writeBundle, writeRenderDir, type RenderFlags } from './commands/render';
import { sandboxCommand, type SandboxFlags } from './commands/sandbox';
import { CliError, EXIT, errorMessage } from './errors';
import { processIo, type Io } from './io';
import { addSettingsOptions, KEY_ID_ENV, SECRET_ENV, resolveSettings, secretFlagProblem, type SettingsFlags } from './settings-input';

export interface MainOptions {
  /** The project directory (where package.json and lib/ are). */
  root: string;
  io?: Io;
}

const EXIT_HELP = `
Exit codes:
  0  done (lint: no error; doctor: every step passed)
  1  lint found an error, or a doctor step failed
  2  usage: a bad flag or argument, settings or a file that do not parse
  3  this machine: a file that cannot be written, a port in use, the sandbox not starting
  130 interrupted at the secret prompt

The AccessKey secret comes from ${SECRET_ENV}, or a prompt without echo on a terminal;
never from a flag or the settings file. The AccessKey ID (not secret): --access-key-id,
${KEY_ID_ENV}, or accessKeyId in the settings file.`;

function program(io: Io, root: string, done: (code: Promise<number>) => Promise<void>): Command {
  const cli = new Command('sls-kafka')
    .description('Render, bundle, lint and check Kafka-output configs for Alibaba Cloud SLS; run the sandbox endpoint.')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const renderLike = (cmd: Command) =>
    addSettingsOptions(cmd)
      .option('--wizard-url <url>', 'the wizard’s address, for the sandbox CA link in the steps (default http://localhost:$PORT)')
      .option('--ca <file>', 'sandbox CA certificate to include (target sandbox)')
      .addOption(
        new Option('--deploy <target>', 'deploy on: host (install scripts), kubernetes (manifests) or docker (compose files); the wizard’s “Deploy on” choice')
          .choices([...DEPLOY_TARGETS])
          .default(DEFAULT_DEPLOY_TARGET),
      );

  renderLike(
    cli
      .command('render')
      .description('write the configs (a folder per agent, as in the zip), STEPS.md and settings.json to a directory')
      .requiredOption('--out <dir>', 'directory to write into (created if missing)'),
  )
    .addHelpText('after', `\nExample:\n  ${SECRET_ENV}=… sls-kafka render --settings settings.json --access-key-id LTAI… --agent beats --out ./sls-configs`)
    .action((opts: SettingsFlags & RenderFlags & { out: string }) =>
      done(resolveSettings(opts, { env: io.env, interactive: io.interactive }).then(async (s) => writeRenderDir(io, await renderBundle(s, opts, io.env), opts.out, opts))),
    );

  renderLike(
    cli
      .command('bundle')
      .description('write the zip the wizard’s Download button builds (same bytes for the same settings)')
      .option('--out <file.zip>', 'zip to write (default sls-kafka-<project>-<logstore>.zip)'),
  ).action((opts: SettingsFlags & RenderFlags & { out?: string }) =>
    done(resolveSettings(opts, { env: io.env, interactive: io.interactive }).then(async (s) => writeBundle(io, await renderBundle(s, opts, io.env), opts.out, opts))),
  );

  cli
    .command('lint')
    .description('check agent config files: file:line: severity rule message')
    .argument('<file...>', 'config files (filebeat.yml, telegraf.conf, a Logstash pipeline, …)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fix', 'write the fixed file beside each one (name.fixed.ext)')
    .addOption(new Option('--agent <id>', 'the agent that reads the files (default: from the file name and content)').choices([...AGENT_IDS]))
    .action((files: string[], opts: LintFlags) => done(lintCommand(io, root, files, opts)));

  addSettingsOptions(
    cli
      .command('doctor')
      .description('check the connection step by step (DNS, TCP, TLS, ApiVersions, SASL, Metadata, Produce) from this host')
      .option('--config <file>', 'check with exactly the settings in this agent config file (read back as the linter does)')
      .option('--sandbox <host:port>', 'check against a sandbox endpoint standing in for SLS (with --ca)')
      .option('--ca <file>', 'CA certificate to trust (the sandbox CA; default: the system store)')
      .option('--deadline <ms>', 'the whole check’s time limit in milliseconds', '10000')
      .option('--json', 'print the report as JSON'),
  )
    .addHelpText('after', '\nSLS is the default target: the check produces one test record to every shard of the Logstore.')
    .action((opts: DoctorFlags) => done(doctorCommand(io, opts)));

  cli
    .command('sandbox')
    .description('run the sandbox Kafka endpoint with GET /healthz and the records API, for CI; stops on SIGTERM')
    .option('--config <file>', 'strict mode: the accounts YAML (SANDBOX_CONFIG); default open mode')
    .option('--port <n>', 'Kafka port (SANDBOX_PORT, default 10012)')
    .option('--http-port <n>', 'HTTP port for /healthz and /api/sandbox/records (PORT, default 3000)')
    .option('--bind <address>', 'address both listen on (SANDBOX_BIND, default 127.0.0.1)')
    .option('--data <dir>', 'CA, certificates and the record store (DATA_DIR, default .data)')
    .addHelpText('after', '\nHealth check: GET http://127.0.0.1:$PORT/healthz answers 200 {"ok":true,…} once the endpoint listens.')
    .action((opts: SandboxFlags) => done(sandboxCommand(io, root, opts)));

  return cli;
}

/** Run one command line; resolves with the exit code. */
export async function main(argv: readonly string[], options: MainOptions): Promise<number> {
  const io = options.io ?? processIo();
  const refusal = secretFlagProblem(argv);
  if (refusal) {
    io.err(`error: ${refusal}`);
    return EXIT.usage;
  }
  let code: number | undefined;
  // The action's promise is returned to commander, so a failure comes out of parseAsync.
  const cli = program(io, options.root, (p) => p.then((c) => void (code = c)));
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    if (code === undefined) {
      cli.outputHelp({ error: true });
      return EXIT.usage;
    }
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and version are answers; anything else commander refused (no command included) is usage; it printed why.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      io.err(`error: ${err.message}`);
      return err.exitCode;
    }
    io.err(`error: unexpected ${err instanceof Error ? err.name : 'failure'}: ${errorMessage(err)}`);
    return EXIT.environment;
  }
}
