import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';

/** The result of one promtool run (or of several run side by side). */
export interface PromtoolResult {
  readonly ok: boolean;
  /** stdout, then stderr (promtool prints the details of a failed test on stderr). */
  readonly output: string;
  /** The files promtool reported `SUCCESS` for, as passed in. */
  readonly passed: ReadonlySet<string>;
}

/**
 * promtool's environment: Go's scheduler on one core (GOMAXPROCS=1) instead of every core. Its
 * unit tests evaluate one rule group after another, so a second core serves only Go's
 * parallel garbage collection, which costs more CPU in all: `promtool test rules` over the
 * examples' 167 unit tests 15.7/15.0 -> 12.9/12.9 s of CPU (2 pairs, GOGC=400, 2026-12-07), the
 * same wall time. The suite runs two promtool processes side by side (testRules), one per core.
 * What promtool checks is unchanged.
 */
const promtoolEnv = (): NodeJS.ProcessEnv => ({ ...process.env, GOMAXPROCS: '1' });

/** Runs `promtool <args>`; promtool exits 1 on a failed check or test. */
export function promtool(args: readonly string[], cwd?: string): Omit<PromtoolResult, 'passed'> {
  const r = spawnSync('promtool', [...args], { cwd, env: promtoolEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function filesEndingWith(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) out.push(path.join(entry.parentPath ?? (entry as any).path, entry.name));
  }
  return out.sort();
}

/**
 * The files promtool reported `SUCCESS` for: stdout holds `Checking <file>` (check rules) or
 * `Unit Testing:  <file>` (test rules), then `  SUCCESS...` when that file passed.
 */
function passedFiles(stdout: string, files: readonly string[]): Set<string> {
  const passed = new Set<string>();
  const known = new Set(files);
  let current: string | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^(?:Checking|Unit Testing:)\s+(.+?)\s*$/.exec(line);
    if (head) { current = known.has(head[1]) ? head[1] : undefined; continue; }
    if (current && /^\s+SUCCESS\b/.test(line)) passed.add(current);
  }
  return passed;
}

/** `promtool check rules` over every file in one process. */
export function checkRules(files: readonly string[]): PromtoolResult {
  const r = spawnSync('promtool', ['check', 'rules', ...files], { env: promtoolEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`, passed: passedFiles(r.stdout, files) };
}

/**
 * How much work promtool does for a test file: the rule evaluations of each test, that is its
 * evaluation time over the evaluation interval (a 30-day error-budget test is thousands of
 * steps, an alert test a few). Used only to balance the batches.
 */
function evaluationSteps(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  const interval = /^evaluation_interval:\s*(\S+)/m.exec(text)?.[1] ?? '1m';
  const seconds = (d: string) => { try { return PrometheusDuration.parse(d).totalSeconds; } catch { return 60; } };
  const step = Math.max(1, seconds(interval.replace(/^"|"$/g, '')));
  let steps = 0;
  for (const m of text.matchAll(/eval_time:\s*"?([0-9a-z]+)"?/g)) steps += seconds(m[1]) / step;
  return Math.max(1, steps);
}

/**
 * `promtool test rules` over test files in at most `processes` promtool processes run side by
 * side (one per core by default), each given an equal share of the evaluation steps, so that no
 * process is left running alone at the end. promtool takes many files per call; it tests them
 * one after another.
 */
export async function testRules(files: readonly string[], processes = Math.min(2, os.availableParallelism())): Promise<PromtoolResult> {
  const batches: { files: string[]; steps: number }[] = Array.from({ length: Math.max(1, Math.min(processes, files.length)) }, () => ({ files: [], steps: 0 }));
  const weighted = files.map((f) => ({ f, steps: evaluationSteps(f) })).sort((a, b) => b.steps - a.steps);
  for (const { f, steps } of weighted) {
    const lightest = batches.reduce((a, b) => (b.steps < a.steps ? b : a));
    lightest.files.push(f);
    lightest.steps += steps;
  }
  const run = (batch: string[]) => new Promise<{ ok: boolean; stdout: string; stderr: string }>((resolve, reject) => {
    if (batch.length === 0) { resolve({ ok: true, stdout: '', stderr: '' }); return; }
    const p = spawn('promtool', ['test', 'rules', ...batch], { env: promtoolEnv() });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ ok: code === 0, stdout, stderr }));
  });
  const results = await Promise.all(batches.map((b) => run(b.files)));
  const stdout = results.map((r) => r.stdout).join('\n');
  return {
    ok: results.every((r) => r.ok),
    output: `${stdout}\n${results.map((r) => r.stderr).join('\n')}`,
    passed: passedFiles(stdout, files),
  };
}
