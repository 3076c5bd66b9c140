// `npm run mutate [-- --mutate <file or glob>] [--concurrency N]`: mutation testing of lib/rules.
// Each rule file (lib/rules/<id>-<slug>.ts) is mutated against its own tests only
// (test/rules/<id>-<slug>.test.ts), one Stryker run per file; the engine, readers and checks
// against every rule test. Prints a per-file table; the reports go to reports/mutation/<file>/.
// Not part of `npm test`: a rule file takes minutes on the 2-core machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(ROOT);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

/** The lib/rules files a glob names (`*` within a name, `**` across folders). */
function expand(glob: string): string[] {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  const re = new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*') + '$');
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk('lib/rules').filter((f) => f.endsWith('.ts') && re.test(f)).sort();
}

const RULE_FILE = /^lib\/rules\/((?:ha|sec|cap|perf|mon|slo|dr)-\d{3}-[a-z0-9-]+)\.ts$/;
const files = expand(option('mutate') ?? 'lib/rules/**/*.ts');
if (files.length === 0) {
  console.error(`no file of lib/rules matches ${option('mutate')}`);
  process.exit(2);
}
const concurrency = Number(option('concurrency') ?? 1);

/** One Stryker run: the files to mutate and the rule test files that prove them. */
const runs: { name: string; mutate: string[]; tests: string[] }[] = [];
const shared: string[] = [];
for (const f of files) {
  const m = RULE_FILE.exec(f);
  if (m && fs.existsSync(`test/rules/${m[1]}.test.ts`)) runs.push({ name: m[1], mutate: [f], tests: [`test/rules/${m[1]}.test.ts`] });
  else shared.push(f);
}
if (shared.length) runs.push({ name: 'shared', mutate: shared, tests: ['test/rules/**/*.test.ts'] });

interface Row { file: string; killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; errors: number }
const rows: Row[] = [];
for (const run of runs) {
  console.log(`\n== ${run.mutate.join(', ')} against ${run.tests.join(', ')}`);
  process.env.KAFKA_IAC_RULE_TESTS = run.tests.join(',');
  const results: MutantResult[] = await new Stryker({
    mutate: run.mutate,
    concurrency,
    htmlReporter: { fileName: `reports/mutation/${run.name}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${run.name}/mutation.json` },
  }).runMutationTest();
  for (const f of run.mutate) {
    const of = results.filter((r) => r.fileName.endsWith(f));
    const count = (s: string) => of.filter((r) => r.status === s).length;
    rows.push({ file: f, killed: count('Killed'), timeout: count('Timeout'), survived: count('Survived'), noCoverage: count('NoCoverage'), ignored: count('Ignored'), errors: count('CompileError') + count('RuntimeError') });
  }
}

const score = (r: Omit<Row, 'file'>) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage;
  return valid === 0 ? 100 : (100 * (r.killed + r.timeout)) / valid;
};
const total = rows.reduce((a, r) => ({ killed: a.killed + r.killed, timeout: a.timeout + r.timeout, survived: a.survived + r.survived, noCoverage: a.noCoverage + r.noCoverage, ignored: a.ignored + r.ignored, errors: a.errors + r.errors }),
  { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
const line = (file: string, r: Omit<Row, 'file'>) =>
  `| ${file.padEnd(52)} | ${score(r).toFixed(2).padStart(6)} | ${String(r.killed).padStart(6)} | ${String(r.timeout).padStart(7)} | ${String(r.survived).padStart(8)} | ${String(r.noCoverage).padStart(7)} | ${String(r.ignored).padStart(7)} |`;
console.log('\n| file                                                 |  score | killed | timeout | survived | no cov. | ignored |');
console.log('|------------------------------------------------------|--------|--------|---------|----------|---------|---------|');
for (const r of rows) console.log(line(r.file, r));
console.log(line('all files', total));
console.log(`\nreports: ${runs.map((r) => `reports/mutation/${r.name}/index.html`).join(', ')}`);
