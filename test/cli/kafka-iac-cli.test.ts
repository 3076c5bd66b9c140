// The `kafka-iac` command, run as a user runs it (through tsx, in a project folder of its own).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { HOURS_PER_MONTH, PRICE_TABLE } from '../../lib/model/capacity/price-table';
import { ROOT } from '../support/paths';
import { temporaryFolder } from '../support/temporary-folders';
import { runCli } from '../../lib/cli/kafka-iac-cli';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/**
 * tsx's loader, for `node --import`: the command runs in one node process (the `tsx` binary
 * starts a second node process that loads the same loader; 0.07 s more CPU for each command).
 */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const BIN = path.join(ROOT, 'lib', 'cli', 'bin.ts');

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }

/**
 * `kafka-iac <args>` in `cwd`, as its own process through tsx. Asynchronous, so that the
 * commands that do not depend on each other run side by side (each is a node start-up, and
 * `check` a synthesis in one more process).
 */
function kafkaIac(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function project(): string {
  return temporaryFolder('kafka-iac-cli-');
}

/** Starts a command now; the test that needs its result awaits it (a failure is reported there). */
function started(cwd: string, ...args: string[]): Promise<Run> {
  const p = kafkaIac(cwd, ...args);
  p.catch(() => undefined);
  return p;
}

/** `kafka-iac <args>` in `cwd` through runCli in this process, with what it writes collected as a process's would be. */
function inProcess(cwd: string, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const p = runCli(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd }).then((code) => ({ code, stdout, stderr }));
  p.catch(() => undefined);
  return p;
}

const appCommand = (fixture: string) => `"${TSX}" "${path.join(ROOT, 'test', 'cli', 'fixtures', fixture)}"`;

/** The commands that depend on no other start together, before the first test. */
let failing: Promise<Run>;
let noConfig: Promise<Run>;
let planJson: Promise<Run>;
let planTable: Promise<Run>;
let badArgs: Promise<Run>;
beforeAll(() => {
  failing = started(project(), 'check', '--app', appCommand('failing-app.ts'));
  noConfig = started(project(), 'check');
  // In-process, through the runCli that bin.ts calls (0.4 s of CPU less each): the real command's
  // stdout and exit code 0 are proven by `check` and the SARIF report below.
  planJson = inProcess(project(), 'plan-capacity', '--throughput-mb', '5', '--retention-days', '7', '--broker-capacity', '2000', '--format', 'json');
  planTable = inProcess(project(), 'plan-capacity', '--messages-per-second', '1000', '--retention-days', '3');
  badArgs = started(project(), 'plan-capacity', '--throughput-mb', 'abc', '--retention-days', '7');
});

describe('kafka-iac check', () => {
  let dir: string;
  let run: Run;
  /**
   * The commands that read the synthesis of `check`, started together once it is done. The SARIF
   * report (the largest output, to a pipe) goes through the real command; the others run
   * in-process, through the same runCli that bin.ts calls, in the project folder (4 node processes
   * less, about 1.5 s of CPU). The real command's stdout, stderr, exit codes 0, 1 and 2 and its
   * working folder are proven by the processes of this file.
   */
  let after: Record<'sarif' | 'junit' | 'md' | 'diagram' | 'unknown', Promise<Run>>;
  beforeAll(async () => {
    dir = project();
    // The app command comes from the project's cdktf.json, as cdktf reads it.
    fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: appCommand('development-app.ts') }));
    run = await kafkaIac(dir, 'check');
    after = {
      sarif: started(dir, 'report', '--format', 'sarif'),
      junit: inProcess(dir, 'report', '--format', 'junit', '--out', 'out/rules.xml'),
      md: inProcess(dir, 'report', '--format', 'md', '--env', 'development'),
      diagram: inProcess(dir, 'diagram', '--env', 'development'),
      unknown: inProcess(dir, 'diagram', '--env', 'nope'),
    };
  });

  it("synthesizes through cdktf.json's app and prints the findings by environment, exit 0 without errors", () => {
    expect(run.stderr).toContain('kafka-iac: synthesizing with:');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'dist', 'development', 'report.json'), 'utf8'));
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(run.stdout).toContain(`development (development, us-east-1): 0 errors, ${report.summary.warnings} warnings`);
    const warnings = report.entries.filter((e: any) => e.status === 'non-compliant').flatMap((e: any) => e.findings.map((f: any) => `  warning ${e.ruleId} [${e.path}] ${f.found}; expected ${f.expected}.`));
    for (const w of warnings) expect(run.stdout).toContain(w);
  });

  it('then writes the reports of that synthesis in each format', async () => {
    const sarif = await after.sarif;
    expect(sarif.code, sarif.stderr).toBe(0);
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(JSON.parse(sarif.stdout)), JSON.stringify(validate.errors)).toBe(true);
    const junit = await after.junit;
    expect(junit.code, junit.stderr).toBe(0);
    expect(XMLValidator.validate(fs.readFileSync(path.join(dir, 'out', 'rules.xml'), 'utf8'))).toBe(true);
    const md = await after.md;
    expect(md.stdout).toBe(fs.readFileSync(path.join(dir, 'dist', 'development', 'report.md'), 'utf8'));
  });

  it('prints the diagram of an environment, and rejects an unknown one with exit 2', async () => {
    const diagram = await after.diagram;
    expect(diagram.code).toBe(0);
    expect(diagram.stdout).toContain('```mermaid');
    expect(diagram.stdout).toContain('StatefulSet dev-kafka-combined: 1 replicas');
    const unknown = await after.unknown;
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown environment 'nope'");
    expect(unknown.stderr).toContain('has development');
  });

  it('exits 1 and shows the violation when the app fails a rule at level error (--app)', async () => {
    const r = await failing;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HA-001 [kafka/settings] ConfigMap settings exists; expected no ConfigMap.');
    expect(r.stdout).toContain('Synthesis failed');
  });

  it('exits 2 without cdktf.json or --app', async () => {
    const r = await noConfig;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no cdktf.json');
  });
});

describe('kafka-iac plan-capacity', () => {
  it('prints the plan of the model and its MSK cost estimate as JSON', async () => {
    const r = await planJson;
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const plan = CapacityPlan.forWorkload({
      name: 'workload', messagesPerSecond: 5_000_000 / 1024, averageMessageBytes: 1024, retentionSeconds: 7 * 86_400, brokerCapacityMessagesPerSecond: 2000,
    });
    expect(out.plan).toEqual(plan.toJson());
    const prices = PRICE_TABLE['us-east-1']!;
    const expected = plan.brokers * HOURS_PER_MONTH * prices.mskBrokerHourly['kafka.m7g.large']! + plan.brokers * Math.ceil(plan.storagePerBrokerGiB) * prices.mskStorageGbMonth;
    expect(out.costEstimate.monthlyTotalUsd).toBeCloseTo(expected, 1);
  });

  it('prints a table by default', async () => {
    const r = await planTable;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\| plan \| messages\/s planned/);
    expect(r.stdout).toContain('| **total** |');
  });

  it.each([
    [['plan-capacity', '--throughput-mb', 'abc', '--retention-days', '7'], "argument 'abc' is invalid. expected a positive number"],
    [['plan-capacity', '--throughput-mb', '50'], "required option '--retention-days <days>' not specified"],
    [['plan-capacity', '--retention-days', '7'], 'needs the write rate'],
    [['plan-capacity', '--throughput-mb', '5', '--retention-days', '7', '--zones', '1.5'], 'expected a whole number'],
    [['report', '--format', 'xml'], 'Allowed choices are json, md, sarif, junit'],
    [['deploy'], "unknown command 'deploy'"],
    [['check', '--bogus'], "unknown option '--bogus'"],
  ])('exits 2 with a clear message on bad arguments: %j', async (args, message) => {
    // In-process (the same runCli that bin.ts calls) to keep the suite fast; the first case also runs through tsx below.
    let stderr = '';
    const code = await runCli(args, { stdout: () => undefined, stderr: (t) => { stderr += t; }, cwd: project() });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 on bad arguments through the real command too', async () => {
    const r = await badArgs;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'abc' is invalid");
  });
});
