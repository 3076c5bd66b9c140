// `npm run bench`: synthesis benchmarks, each in its own child process (whole-process wall time,
// CPU time, peak RSS). Never run by the tests: timing goals belong here, not in a test suite.
//
// Everything runs as compiled JavaScript with plain node, as consumers run the library: the
// package's own build (`npm run build`, build/cjs), with stacks/ and the bench apps transpiled
// to CommonJS into .bench-out/js (ignored) beside it.
//
// 1. Quick start against a bare cdktf app with one aws_msk_cluster (bench/apps/bare.ts): the
//    README quick start importing `kafka-iac` (with require, the Kubernetes side on first use) and importing `kafka-iac/msk`
//    (only the MSK target). Paired runs, medians of the per-pair ratios. Goal: <= 1.5.
// 2. Every example environment (stacks/main.ts) against the bare app, paired. Goal: <= 2.5.
// 3. A CPU profile of the quick start: where the time goes, and the next hot spot.
// 4. The seed-scale platform (bench/seed-platform.ts) for N = 200, 1000, 2000 topics with every
//    rule: time and peak RSS per N, t(2000)/t(200) after start-up. Goals: <= 3, <= 300 MiB.
// 5. `npm test` itself (wall, and CPU user + system of it and every tool it runs, which load on a
//    shared machine disturbs less), with the slowest test files. Goal: <= 60 s wall on a quiet machine.
//
// Options: --pairs <n> (paired runs, default 7), --runs <n> (runs per seed size, default 3),
// --sizes 200,1000,2000, --only quick|examples|profile|seed|suite, --no-suite
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.bench-out');
const JS = path.join(OUT, 'js');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const pairs = Number(option('pairs') ?? 7);
const seedRuns = Number(option('runs') ?? 3);
const sizes = (option('sizes') ?? '200,1000,2000').split(',').map(Number);
const only = option('only');
const runSuite = !args.includes('--no-suite') && (!only || only === 'suite');

interface Run {
  /** Whole-process wall time, ms. */
  readonly ms: number;
  /** CPU time (user + system) of the process and its children, ms. */
  readonly cpuMs: number;
  /** Peak resident set, MiB. */
  readonly rssMiB: number;
  /** The child's own JSON line, when it prints one. */
  readonly report?: Record<string, any>;
  readonly stdout: string;
}

/** Runs a command in `cwd` under /usr/bin/time: wall, CPU (user + system) and peak RSS. */
function measure(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const timeFile = path.join(os.tmpdir(), `kiac-bench-time-${process.pid}`);
  const full = TIME ? [TIME, '-f', '%M %U %S', '-o', timeFile, ...command] : command;
  const start = performance.now();
  const r = spawnSync(full[0], full.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const report = last.startsWith('{') ? JSON.parse(last) : undefined;
  let rssKiB = Number(report?.maxRssKiB ?? NaN);
  let cpuMs = NaN;
  if (TIME) {
    const [m, u, s] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    rssKiB = m;
    cpuMs = (u + s) * 1000;
  }
  return { ms, cpuMs, rssMiB: rssKiB / 1024, report, stdout: r.stdout };
}

/** Runs compiled JavaScript (a path under .bench-out/js) with plain node in `cwd`. */
function runJs(script: string, scriptArgs: string[], cwd: string, nodeArgs: string[] = []): Run {
  return measure([process.execPath, ...nodeArgs, path.join(JS, script), ...scriptArgs], cwd);
}

/**
 * Runs a compiled app in a fresh empty folder (it writes cdktf.out/ and dist/ there), under
 * .bench-out/scratch rather than the shared /tmp: in a new folder of a crowded /tmp (tens of
 * thousands of entries, other work creating and removing folders there) the quick start's
 * mkdir and write calls (about 70 files) took 31 to 76 ms of CPU, in a folder of the bench's own
 * 11 to 21 ms (four runs each, same minutes, load 7 to 10), while the bare app writes 2 files:
 * the ratio measured the neighbours' use of /tmp.
 */
function inScratch(script: string): Run {
  fs.mkdirSync(path.join(OUT, 'scratch'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(OUT, 'scratch', 'app-'));
  try { return runJs(script, [], dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const goal = (value: number, limit: number) => (value <= limit ? `meets the goal (<= ${limit})` : `MISSES the goal (<= ${limit})`);

/** The newest modification time of the .ts files under `dirs` (relative to the repository). */
function newestSource(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) walk(path.join(ROOT, d));
  return newest;
}

/**
 * The compiled library is the package's own build (`npm run build`: build/cjs), run again when a
 * file under lib/ is newer than it. The apps that use it (stacks/, bench/apps, the seed platform)
 * are transpiled one file at a time to CommonJS into .bench-out/js, beside a link
 * .bench-out/js/lib -> build/cjs, so their `../lib/...` imports load the built package exactly as
 * published (build/cjs mirrors lib/).
 */
function compile(): void {
  const built = path.join(ROOT, 'build/cjs/index.js');
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource(['lib'])) {
    const started = performance.now();
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    console.log(`compiled library: npm run build (build/cjs) in ${s(performance.now() - started)}`);
  } else {
    console.log('compiled library: build/cjs is up to date (npm run build)');
  }
  const started = performance.now();
  fs.rmSync(JS, { recursive: true, force: true });
  fs.mkdirSync(JS, { recursive: true });
  // The repository is "type": "module"; the transpiled files are CommonJS.
  fs.writeFileSync(path.join(JS, 'package.json'), '{ "type": "commonjs" }\n');
  fs.symlinkSync(path.join(ROOT, 'build/cjs'), path.join(JS, 'lib'), 'dir');
  const sources = ['stacks', 'bench/apps'].flatMap((d) => fs.readdirSync(path.join(ROOT, d), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts')).map((f) => path.join(d, f)));
  for (const file of [...sources, 'bench/seed-platform.ts', 'bench/synth-child.ts']) {
    const out = ts.transpileModule(fs.readFileSync(path.join(ROOT, file), 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    const target = path.join(JS, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, toEntryPoints(out.outputText));
  }
  console.log(`apps: stacks/ and bench/ apps transpiled to CommonJS into .bench-out/js in ${s(performance.now() - started)}\n`);
}

/**
 * The build holds the package's entry points, not one file per module (scripts/build.ts bundles
 * them): the examples' and the seed platform's imports of a module under lib/
 * (`require("../lib/app/kafka-app")`) load the root entry point instead, as a consumer's
 * `require('kafka-iac')` does; every class they import is exported there. The generated Strimzi
 * and KEDA classes (`lib/imports/`) stay files of the build.
 */
function toEntryPoints(code: string): string {
  return code.replace(/require\("((?:\.\.\/)+lib)\/([^"]+)"\)/g, (whole, lib: string, module: string) =>
    (/^(index|msk|kubernetes|testing(\/index)?|imports\/[^/]+)$/.test(module) ? whole : `require("${lib}/index")`));
}

interface Contender { readonly label: string; readonly script: string }

/**
 * Paired runs: each round runs the bare app and every contender once, in an order that rotates
 * from round to round, so that a burst of load from elsewhere hits them alike. Reports the
 * medians of each one's times and the median of the per-round ratios against the bare app.
 */
function paired(title: string, contenders: readonly Contender[], limit: number): void {
  console.log(`## ${title} (${pairs} paired runs, medians)\n`);
  const bare: Contender = { label: 'bare cdktf app, one aws_msk_cluster (bench/apps/bare.ts)', script: 'bench/apps/bare.js' };
  const all = [bare, ...contenders];
  const runs = new Map<Contender, Run[]>(all.map((c) => [c, []]));
  for (let round = 0; round < pairs; round++) {
    const order = all.map((_, i) => all[(i + round) % all.length]);
    for (const c of order) runs.get(c)!.push(inScratch(c.script));
  }
  console.log('| app | wall (median) | CPU user+sys (median) | peak RSS | wall / bare (median of pairs) | CPU / bare (median of pairs) |');
  console.log('|---|---|---|---|---|---|');
  const b = runs.get(bare)!;
  const ratios: Record<string, number> = {};
  for (const c of all) {
    const r = runs.get(c)!;
    const wallRatio = median(r.map((x, i) => x.ms / b[i].ms));
    const cpuRatio = median(r.map((x, i) => x.cpuMs / b[i].cpuMs));
    ratios[c.label] = wallRatio;
    console.log(`| ${c.label} | ${s(median(r.map((x) => x.ms)))} | ${s(median(r.map((x) => x.cpuMs)))} | ${median(r.map((x) => x.rssMiB)).toFixed(0)} MiB | ${c === bare ? '1' : wallRatio.toFixed(2)} | ${c === bare ? '1' : cpuRatio.toFixed(2)} |`);
  }
  console.log('');
  for (const c of contenders) console.log(`- ${c.label}: wall ratio ${ratios[c.label].toFixed(2)}, ${goal(ratios[c.label], limit)}`);
  console.log('');
}

/** Profiles the MSK quick start once (node --cpu-prof) and prints where its time goes. */
function profile(): void {
  console.log('## CPU profile of the quick start (kafka-iac/msk), one run\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-bench-prof-'));
  try {
    runJs('bench/apps/quick-start-msk.js', [], dir, ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'prof')}`]);
    const file = fs.readdirSync(path.join(dir, 'prof')).find((f) => f.endsWith('.cpuprofile'))!;
    const summary = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/cpu-profile-summary.ts'), path.join(dir, 'prof', file), '8'], { cwd: JS, encoding: 'utf8' });
    if (summary.status !== 0) throw new Error(summary.stderr);
    console.log(summary.stdout);
    const byPackage = [...summary.stdout.matchAll(/^\| ([\d.]+)% \| `([^`]+)` \|$/gm)].map((m) => ({ pct: Number(m[1]), what: m[2] }));
    // The first function in JavaScript code (the library or a package), not node's own module loading, I/O or GC.
    const hot = byPackage.find((x) => / \S+\.js:\d+$/.test(x.what) && !/ node:/.test(x.what));
    if (hot) console.log(`next hot spot (largest self time in JavaScript code, outside node's module loading, I/O and GC): \`${hot.what}\`, ${hot.pct}% self\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function seedScale(): void {
  console.log(`## Seed-scale platform: 5 clusters, 3 regions, N topics, N/4 consumer groups, every rule (${seedRuns} runs each, medians)\n`);
  const startupRuns = Array.from({ length: seedRuns }, () => runJs('bench/synth-child.js', ['startup'], ROOT));
  const startup = median(startupRuns.map((r) => r.ms));
  const startupCpu = median(startupRuns.map((r) => r.cpuMs));
  console.log(`start-up (node + importing the compiled library, no synthesis): ${s(startup)} (CPU ${s(startupCpu)}), peak RSS ${median(startupRuns.map((r) => r.rssMiB)).toFixed(0)} MiB\n`);
  console.log('| N topics | groups | principals | files written | whole process | minus start-up | CPU user+sys | build | synth (rules included) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const byN = new Map<number, number>();
  const cpuByN = new Map<number, number>();
  const rssByN = new Map<number, number>();
  let parts: string[] = [];
  for (const n of sizes) {
    const runs = Array.from({ length: seedRuns }, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-bench-'));
      try { return runJs('bench/synth-child.js', ['seed', String(n), dir], ROOT); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
    });
    const t = median(runs.map((r) => r.ms));
    byN.set(n, t);
    cpuByN.set(n, median(runs.map((x) => x.cpuMs)));
    rssByN.set(n, median(runs.map((x) => x.rssMiB)));
    const r = runs[0].report ?? {};
    parts = r.parts ?? parts;
    console.log(`| ${n} | ${r.groups} | ${r.principals} | ${r.files} | ${s(t)} | ${s(t - startup)} | ${s(median(runs.map((x) => x.cpuMs)))} | ${s(median(runs.map((x) => x.report?.buildMs ?? NaN)))} | ${s(median(runs.map((x) => x.report?.synthMs ?? NaN)))} | ${rssByN.get(n)!.toFixed(0)} MiB |`);
  }
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  if (byN.size > 1) {
    const ratio = (byN.get(hi)! - startup) / (byN.get(lo)! - startup);
    console.log(`\nt(${hi})/t(${lo}) after subtracting start-up: ${ratio.toFixed(2)} (size ratio ${hi / lo}), ${goal(ratio, 3)}`);
    console.log(`t(${hi})/t(${lo}) whole process: ${(byN.get(hi)! / byN.get(lo)!).toFixed(2)}`);
    const cpuRatio = (cpuByN.get(hi)! - startupCpu) / (cpuByN.get(lo)! - startupCpu);
    console.log(`the same on CPU time (user + system, less disturbed by other load): ${cpuRatio.toFixed(2)}, ${goal(cpuRatio, 3)}`);
  }
  console.log(`peak RSS at N=${hi}: ${rssByN.get(hi)!.toFixed(0)} MiB, ${goal(rssByN.get(hi)!, 300)}`);
  console.log('\nWhat the generator builds:');
  for (const p of parts) console.log(`- ${p}`);
  console.log('');
}

/** `npm test` itself: wall time, CPU user + system, its `N passed, N failed` line and the slowest test files. */
function suite(): void {
  console.log('## The test suite (`npm test`: typecheck beside vitest, every real validator), one run\n');
  const r = measure(['npm', 'test'], ROOT);
  const summary = r.stdout.trim().split('\n').pop();
  console.log(`wall ${s(r.ms)}, CPU user+sys ${s(r.cpuMs)} (${(r.cpuMs / r.ms).toFixed(2)} cores busy on average), peak RSS ${r.rssMiB.toFixed(0)} MiB; ${summary}`);
  console.log(`wall: ${goal(r.ms / 1000, 60)} s on a quiet machine; machine load average now ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}\n`);
  const results = path.join(ROOT, '.test-results', 'vitest.json');
  if (!fs.existsSync(results)) return;
  // vitest's JSON report: per file, the span from its first test's start to its last test's end (hooks between them included).
  const files = (JSON.parse(fs.readFileSync(results, 'utf8')).testResults as { name: string; startTime: number; endTime: number }[])
    .map((f) => ({ file: path.relative(ROOT, f.name), ms: f.endTime - f.startTime })).sort((a, b) => b.ms - a.ms);
  console.log('| slowest test files (vitest) | time |\n|---|---|');
  for (const f of files.slice(0, 10)) console.log(`| ${f.file} | ${s(f.ms)} |`);
  console.log('');
}

console.log(`kafka-iac bench: node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}, ${new Date().toISOString()}\n`);
compile();
if (!only || only === 'quick') {
  paired('Quick start against a bare cdktf app with one aws_msk_cluster (compiled JavaScript, plain node)', [
    { label: 'README quick start importing kafka-iac (require: the Kubernetes side loads on first use, here never)', script: 'bench/apps/quick-start.js' },
    { label: 'README quick start importing kafka-iac/msk (only the MSK target loads)', script: 'bench/apps/quick-start-msk.js' },
  ], 1.5);
}
if (!only || only === 'examples') {
  paired('Every example environment against the bare app (compiled JavaScript, plain node)', [
    { label: 'every example environment (stacks/main.ts: production, dr, staging, staging-dr, development)', script: 'stacks/main.js' },
  ], 2.5);
}
if (!only || only === 'profile') profile();
if (!only || only === 'seed') seedScale();
if (runSuite) suite();
