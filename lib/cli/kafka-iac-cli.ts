import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CapacityPlan, CAPACITY_PLAN_TABLE_HEADER } from '../model/capacity/capacity-planner';
import { KafkaIacError } from '../model/errors';
import type { TerraformDocument } from '../contract/document';
import { CostEstimate } from '../app/cost-estimate';

/** Exit codes of the `kafka-iac` command. */
export enum ExitCode {
  /** Done; `check` found no rule errors. */
  OK = 0,
  /** `check`: rule errors, or the app failed to synthesize; other commands: what they read is missing. */
  FAILED = 1,
  /** Bad arguments: an unknown command or option, a missing or invalid value, an unknown environment. */
  USAGE = 2,
}

/** Where the command writes, and where it runs (tests give their own). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** @default process.cwd() */
  readonly cwd?: string;
}

const PROCESS_IO: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** A usage error: printed with the command's name, exit 2. */
class UsageError extends Error {}

/**
 * Runs `kafka-iac <command> ...` with `argv` (without `node` and the script) and returns the
 * exit code. Never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let code: number = ExitCode.OK;
  const program = new Command('kafka-iac')
    .description('Checks, reports, plans and draws kafka-iac environments.')
    .exitOverride()
    .showHelpAfterError('(run kafka-iac help <command> for its options)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program.command('check')
    .description("synthesize through the project's cdktf.json app (or --app) and print the rule findings by environment; exit 1 on errors")
    .option('--app <command>', 'the command that synthesizes the app (default: "app" of cdktf.json)')
    .option('--env <name>', 'only this environment')
    .option('--dist <dir>', 'where the app writes dist/<env>/', 'dist')
    .action(async (opts: { app?: string; env?: string; dist: string }) => {
      code = await check(opts, cwd, io);
    });

  program.command('report')
    .description('write the reports of the last synthesis (dist/<env>/) to stdout or --out')
    .addOption(new Option('--format <format>', 'report format').choices(['json', 'md', 'sarif', 'junit']).default('json'))
    .option('--env <name>', 'only this environment (default: every environment in --dist)')
    .option('--dist <dir>', 'where the last synthesis wrote dist/<env>/', 'dist')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((opts: { format: ReportFormat; env?: string; dist: string; out?: string }) => {
      code = report(opts, cwd, io);
    });

  program.command('plan-capacity')
    .description('the capacity plan and monthly cost estimate (MSK list prices) for a workload')
    .option('--throughput-mb <MB/s>', 'megabytes (10^6 bytes) written per second, before replication', positive)
    .option('--messages-per-second <n>', 'messages written per second (instead of --throughput-mb)', positive)
    .option('--message-bytes <bytes>', 'average message size in bytes, after compression', positive, 1024)
    .requiredOption('--retention-days <days>', 'how long messages are kept', positive)
    .option('--replication-factor <n>', 'copies of every message', whole, 3)
    .option('--zones <n>', 'availability zones the brokers spread over', whole, 3)
    .option('--min-brokers <n>', 'the fewest brokers the plan allows', whole, 3)
    .option('--broker-capacity <msg/s>', 'messages per second one broker takes, measured', positive)
    .option('--consumer-rate <msg/s>', 'messages per second one consumer processes', positive)
    .option('--consumers <n>', 'consumers that must read in parallel', whole, 1)
    .option('--growth <fraction>', 'annual growth of the message rate (0.5 = 50%)', nonNegative, 0)
    .option('--horizon-months <n>', 'how far ahead the plan looks', whole, 12)
    .option('--instance-type <type>', 'MSK broker instance type for the estimate', 'kafka.m7g.large')
    .option('--region <region>', 'AWS region whose prices apply', 'us-east-1')
    .option('--name <name>', 'what the plan is for', 'workload')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: PlanOptions) => {
      code = planCapacity(opts, io);
    });

  program.command('diagram')
    .description("print an environment's diagram (dist/<env>/diagram.md, Mermaid) of the last synthesis")
    .requiredOption('--env <name>', 'the environment')
    .option('--dist <dir>', 'where the last synthesis wrote dist/<env>/', 'dist')
    .action((opts: { env: string; dist: string }) => {
      const dir = environmentDir(path.resolve(cwd, opts.dist), opts.env);
      io.stdout(fs.readFileSync(path.join(dir, 'diagram.md'), 'utf8'));
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version' ? ExitCode.OK : ExitCode.USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(`kafka-iac: ${e.message}\n`);
      return ExitCode.USAGE;
    }
    if (e instanceof MissingOutput) {
      io.stderr(`kafka-iac: ${e.message}\n`);
      return ExitCode.FAILED;
    }
    if (e instanceof KafkaIacError) {
      io.stderr(`kafka-iac: ${e.message}\n`);
      return ExitCode.USAGE;
    }
    throw e;
  }
}

/** A file the last synthesis should have written is missing. */
class MissingOutput extends Error {}

function positive(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got '${value}'.`);
  return n;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number of at least 0, got '${value}'.`);
  return n;
}

function whole(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got '${value}'.`);
  return n;
}

// ---------------------------------------------------------------- environments on disk

/** Environments of a dist folder: its subfolders holding a report.json, sorted. */
function environmentsIn(dist: string): string[] {
  if (!fs.existsSync(dist)) return [];
  return fs.readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dist, e.name, 'report.json')))
    .map((e) => e.name)
    .sort();
}

function environmentDir(dist: string, env: string): string {
  const known = environmentsIn(dist);
  if (known.length === 0) throw new MissingOutput(`no synthesized environment in ${dist} (no <env>/report.json). Run kafka-iac check (or cdktf synth) first.`);
  if (!known.includes(env)) throw new UsageError(`unknown environment '${env}'; ${dist} has ${known.join(', ')}.`);
  return path.join(dist, env);
}

function selectedEnvironments(dist: string, env: string | undefined): string[] {
  if (env !== undefined) {
    environmentDir(dist, env);
    return [env];
  }
  const known = environmentsIn(dist);
  if (known.length === 0) throw new MissingOutput(`no synthesized environment in ${dist} (no <env>/report.json). Run kafka-iac check (or cdktf synth) first.`);
  return known;
}

// ---------------------------------------------------------------- check

async function check(opts: { app?: string; env?: string; dist: string }, cwd: string, io: CliIo): Promise<number> {
  const app = opts.app ?? appOfCdktfJson(cwd);
  const dist = path.resolve(cwd, opts.dist);
  const started = Date.now();
  io.stderr(`kafka-iac: synthesizing with: ${app}\n`);
  // The app is a shell command, as cdktf.json's "app" is for cdktf itself.
  const exit = await new Promise<number>((resolve, reject) => {
    const child = spawn(app, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => io.stderr(d.toString()));
    child.stderr.on('data', (d: Buffer) => io.stderr(d.toString()));
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  if (exit !== 0) {
    io.stdout(`Synthesis failed (exit ${exit}): see the rule violations or errors above. No report was written for the environment that failed.\n`);
    return ExitCode.FAILED;
  }
  io.stderr(`kafka-iac: synthesis done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  // Only the reports this synthesis wrote (an older environment folder is not this app's).
  const fresh = environmentsIn(dist).filter((e) => fs.statSync(path.join(dist, e, 'report.json')).mtimeMs >= started - 1000);
  if (opts.env !== undefined && !fresh.includes(opts.env)) {
    throw new UsageError(`unknown environment '${opts.env}'; the app synthesized ${fresh.join(', ') || 'no environment'} into ${dist}.`);
  }
  const envs = opts.env === undefined ? fresh : [opts.env];
  if (envs.length === 0) {
    io.stdout(`The app wrote no report into ${dist}: is it a KafkaApp writing to --dist ${opts.dist}?\n`);
    return ExitCode.FAILED;
  }
  let errors = 0;
  for (const env of envs) {
    const json = JSON.parse(fs.readFileSync(path.join(dist, env, 'report.json'), 'utf8')) as ReportJson;
    const s = json.summary;
    errors += s.errors;
    io.stdout(`${env} (${json.environment.profile}, ${json.environment.region}): ${s.errors} errors, ${s.warnings} warnings, ${s.suppressed} suppressed, ${s.compliant} compliant\n`);
    for (const e of json.entries) {
      if (e.status === 'non-compliant') {
        for (const f of e.findings) io.stdout(`  ${e.level} ${e.ruleId} [${e.path}] ${f.found}; expected ${f.expected}. ${f.fix ?? e.remediation}\n`);
      } else if (e.status === 'suppressed') {
        io.stdout(`  suppressed ${e.ruleId} [${e.path}] at ${e.suppression?.attachedTo}: ${e.suppression?.reason}\n`);
      }
    }
  }
  return errors > 0 ? ExitCode.FAILED : ExitCode.OK;
}

interface ReportJson {
  readonly environment: { readonly name: string; readonly profile: string; readonly region: string };
  readonly summary: { readonly errors: number; readonly warnings: number; readonly suppressed: number; readonly compliant: number };
  readonly entries: readonly {
    readonly ruleId: string; readonly level: string; readonly status: string; readonly path: string; readonly remediation: string;
    readonly findings: readonly { readonly found: string; readonly expected: string; readonly fix?: string }[];
    readonly suppression?: { readonly reason: string; readonly attachedTo: string };
  }[];
}

function appOfCdktfJson(cwd: string): string {
  const file = path.join(cwd, 'cdktf.json');
  if (!fs.existsSync(file)) throw new UsageError(`no cdktf.json in ${cwd}; give the app command with --app "<command>".`);
  const app = (JSON.parse(fs.readFileSync(file, 'utf8')) as { app?: unknown }).app;
  if (typeof app !== 'string' || app.trim() === '') throw new UsageError(`${file} has no "app" command; give one with --app "<command>".`);
  return app;
}

// ---------------------------------------------------------------- report

type ReportFormat = 'json' | 'md' | 'sarif' | 'junit';
const REPORT_FILES: Readonly<Record<ReportFormat, string>> = { json: 'report.json', md: 'report.md', sarif: 'report.sarif', junit: 'report.junit.xml' };

function report(opts: { format: ReportFormat; env?: string; dist: string; out?: string }, cwd: string, io: CliIo): number {
  const dist = path.resolve(cwd, opts.dist);
  const envs = selectedEnvironments(dist, opts.env);
  const texts = envs.map((env) => {
    const file = path.join(dist, env, REPORT_FILES[opts.format]);
    if (!fs.existsSync(file)) throw new MissingOutput(`${file} is missing: synthesize again with this version of kafka-iac.`);
    return fs.readFileSync(file, 'utf8');
  });
  const text = envs.length === 1 ? texts[0]! : combine(opts.format, envs, texts);
  if (opts.out) {
    fs.mkdirSync(path.dirname(path.resolve(cwd, opts.out)), { recursive: true });
    fs.writeFileSync(path.resolve(cwd, opts.out), text);
    io.stderr(`kafka-iac: wrote ${opts.format} report of ${envs.join(', ')} to ${opts.out}\n`);
  } else {
    io.stdout(text);
  }
  return ExitCode.OK;
}

/** Several environments' reports as one document of the format. */
function combine(format: ReportFormat, envs: readonly string[], texts: readonly string[]): string {
  switch (format) {
    case 'json':
      return JSON.stringify(Object.fromEntries(envs.map((e, i) => [e, JSON.parse(texts[i]!)])), null, 2) + '\n';
    case 'sarif': {
      // One SARIF log with one run per environment (each run keeps its automationDetails.id).
      const logs = texts.map((t) => JSON.parse(t) as { $schema: string; version: string; runs: unknown[] });
      return JSON.stringify({ $schema: logs[0]!.$schema, version: logs[0]!.version, runs: logs.flatMap((l) => l.runs) }, null, 2) + '\n';
    }
    case 'junit': {
      // The <testsuite> elements of each environment's file (as lib/rules/report-junit.ts writes them) under one <testsuites>.
      const suites = texts.map((t) => /\n(\s*<testsuite [\s\S]*<\/testsuite>)\n/.exec(t)?.[1] ?? '');
      const sum = (attr: string) => texts.reduce((n, t) => n + Number(new RegExp(`<testsuites [^>]*\\b${attr}="(\\d+)"`).exec(t)?.[1] ?? 0), 0);
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="kafka-iac rules" tests="${sum('tests')}" failures="${sum('failures')}" errors="0" skipped="${sum('skipped')}">`,
        ...suites,
        '</testsuites>',
        '',
      ].join('\n');
    }
    case 'md':
      return texts.join('\n');
  }
}

// ---------------------------------------------------------------- plan-capacity

interface PlanOptions {
  readonly throughputMb?: number;
  readonly messagesPerSecond?: number;
  readonly messageBytes: number;
  readonly retentionDays: number;
  readonly replicationFactor: number;
  readonly zones: number;
  readonly minBrokers: number;
  readonly brokerCapacity?: number;
  readonly consumerRate?: number;
  readonly consumers: number;
  readonly growth: number;
  readonly horizonMonths: number;
  readonly instanceType: string;
  readonly region: string;
  readonly name: string;
  readonly format: 'table' | 'json';
}

function planCapacity(opts: PlanOptions, io: CliIo): number {
  if (opts.throughputMb === undefined && opts.messagesPerSecond === undefined) {
    throw new UsageError('plan-capacity needs the write rate: --throughput-mb <MB/s> or --messages-per-second <n>.');
  }
  if (opts.throughputMb !== undefined && opts.messagesPerSecond !== undefined) {
    throw new UsageError('give --throughput-mb or --messages-per-second, not both.');
  }
  const messagesPerSecond = opts.messagesPerSecond ?? (opts.throughputMb! * 1_000_000) / opts.messageBytes;
  const plan = CapacityPlan.forWorkload({
    name: opts.name,
    messagesPerSecond,
    averageMessageBytes: opts.messageBytes,
    retentionSeconds: opts.retentionDays * 24 * 3600,
    replicationFactor: opts.replicationFactor,
    zones: opts.zones,
    minimumBrokers: opts.minBrokers,
    brokerCapacityMessagesPerSecond: opts.brokerCapacity,
    consumerMessagesPerSecond: opts.consumerRate,
    consumersWanted: opts.consumers,
    annualGrowthRate: opts.growth,
    planningHorizonMonths: opts.horizonMonths,
  });
  // The estimate prices the plan as the MSK cluster it implies, through the same code as the reports.
  const cluster: TerraformDocument = {
    source: 'terraform', type: 'aws_msk_cluster', name: 'planned', address: 'aws_msk_cluster.planned', path: `plan/${opts.name}`,
    body: {
      number_of_broker_nodes: plan.brokers,
      broker_node_group_info: { instance_type: opts.instanceType, storage_info: { ebs_storage_info: { volume_size: Math.ceil(plan.storagePerBrokerGiB) } } },
    },
  };
  const estimate = CostEstimate.of([cluster], { region: opts.region });
  if (opts.format === 'json') {
    io.stdout(JSON.stringify({ plan: plan.toJson(), costEstimate: estimate.toJson() }, null, 2) + '\n');
  } else {
    io.stdout(`${CAPACITY_PLAN_TABLE_HEADER}\n${plan.toMarkdownRow()}\n\n${estimate.toMarkdown().trim()}\n`);
  }
  return ExitCode.OK;
}
