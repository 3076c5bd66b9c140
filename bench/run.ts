// `npm run bench`: synthesis benchmarks, each in its own child process (whole-process time,
// peak RSS). Never run by the tests: timing assertions do not belong in a test suite.
//
// 1. Issue 3: every example stack (stacks/main.ts) against a bare cdktf app with one
//    aws_msk_cluster: 5 runs each, medians, and the ratio.
// 2. Issue 8: the seed-scale platform (bench/seed-platform.ts) for N = 200, 1000, 2000 topics,
//    with every rule running: time and peak memory per N, and t(2000)/t(200) after start-up.
//
// Options: --runs <n> (runs per seed size, default 3), --sizes 200,1000,2000, --only examples|seed
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = import.meta.resolve('tsx');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const seedRuns = Number(option('runs') ?? 3);
const sizes = (option('sizes') ?? '200,1000,2000').split(',').map(Number);
const only = option('only');

interface Run {
  /** Whole-process wall time, ms. */
  readonly ms: number;
  /** Peak resident set, MiB. */
  readonly rssMiB: number;
  /** The child's own JSON line, when it prints one. */
  readonly report?: Record<string, any>;
}

/** Runs `node --import tsx <script> ...args` in `cwd`, timing the whole process. */
function runNode(script: string, scriptArgs: string[], cwd: string): Run {
  const rssFile = path.join(os.tmpdir(), `kiac-bench-rss-${process.pid}`);
  const node = [process.execPath, '--import', TSX, script, ...scriptArgs];
  const command = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...node] : node;
  const start = performance.now();
  const r = spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${script} ${scriptArgs.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const report = last.startsWith('{') ? JSON.parse(last) : undefined;
  const rssKiB = TIME ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : Number(report?.maxRssKiB ?? NaN);
  return { ms, rssMiB: rssKiB / 1024, report };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-bench-'));
}

function repeat(n: number, once: () => Run): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) runs.push(once());
  return runs;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function examplesVersusBare(): void {
  console.log('## Example stacks against a bare one-resource cdktf app (5 runs each, medians)\n');
  const examples = repeat(5, () => {
    const dir = scratch();
    try { return runNode(path.join(ROOT, 'stacks/main.ts'), [], dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
  const bare = repeat(5, () => {
    const dir = scratch();
    try { return runNode(path.join(ROOT, 'bench/synth-child.ts'), ['bare', path.join(dir, 'cdktf.out')], dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
  const e = median(examples.map((r) => r.ms));
  const b = median(bare.map((r) => r.ms));
  console.log('| app | median | runs | peak RSS (median) |');
  console.log('|---|---|---|---|');
  console.log(`| every example stack (stacks/main.ts) | ${s(e)} | ${examples.map((r) => s(r.ms)).join(', ')} | ${median(examples.map((r) => r.rssMiB)).toFixed(0)} MiB |`);
  console.log(`| bare cdktf app, one aws_msk_cluster | ${s(b)} | ${bare.map((r) => s(r.ms)).join(', ')} | ${median(bare.map((r) => r.rssMiB)).toFixed(0)} MiB |`);
  console.log(`\nratio examples / bare: ${(e / b).toFixed(2)}\n`);
}

function seedScale(): void {
  console.log(`## Seed-scale platform: 5 clusters, 3 regions, N topics, N/4 consumer groups, every rule (${seedRuns} runs each, medians)\n`);
  const startupRuns = repeat(seedRuns, () => runNode(path.join(ROOT, 'bench/synth-child.ts'), ['startup'], ROOT));
  const startup = median(startupRuns.map((r) => r.ms));
  console.log(`start-up (node + tsx + importing the library, no synthesis): ${s(startup)}, peak RSS ${median(startupRuns.map((r) => r.rssMiB)).toFixed(0)} MiB\n`);
  console.log('| N topics | groups | principals | files written | whole process | minus start-up | build | synth (rules included) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const byN = new Map<number, number>();
  let parts: string[] = [];
  for (const n of sizes) {
    const runs = repeat(seedRuns, () => {
      const dir = scratch();
      try { return runNode(path.join(ROOT, 'bench/synth-child.ts'), ['seed', String(n), dir], ROOT); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
    });
    const t = median(runs.map((r) => r.ms));
    byN.set(n, t);
    const r = runs[0].report ?? {};
    parts = r.parts ?? parts;
    console.log(`| ${n} | ${r.groups} | ${r.principals} | ${r.files} | ${s(t)} | ${s(t - startup)} | ${s(median(runs.map((x) => x.report?.buildMs ?? NaN)))} | ${s(median(runs.map((x) => x.report?.synthMs ?? NaN)))} | ${median(runs.map((x) => x.rssMiB)).toFixed(0)} MiB |`);
  }
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  if (byN.size > 1) {
    const ratio = (byN.get(hi)! - startup) / (byN.get(lo)! - startup);
    console.log(`\nt(${hi})/t(${lo}) after subtracting start-up: ${ratio.toFixed(2)} (size ratio ${hi / lo}; goal: at most about ${hi / lo})`);
    console.log(`t(${hi})/t(${lo}) whole process: ${(byN.get(hi)! / byN.get(lo)!).toFixed(2)}`);
  }
  console.log('\nWhat the generator builds:');
  for (const p of parts) console.log(`- ${p}`);
}

console.log(`kafka-iac bench: node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()}\n`);
if (only !== 'seed') examplesVersusBare();
if (only !== 'examples') seedScale();
