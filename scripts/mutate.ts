// `npm run mutate [-- --mutate <file or glob>] [--concurrency N] [--render]`: mutation testing of lib/rules
// and of the writers and grammars (lib/contract/writers, lib/model/grammar, the properties,
// PromQL and Markdown writers that live in the model, the YAML, Mermaid, Alertmanager and
// Prometheus rule file writers of lib/contract, and the reports' number format of lib/model).
// Each rule file (lib/rules/<id>-<slug>.ts) is mutated against its own tests only
// (test/rules/<id>-*.test.ts), one Stryker run per file; each writer or grammar against the tests
// named in WRITER_TESTS below; the shared rule code (engine, registry, suppressions, reports)
// against the tests named in SHARED_TESTS, and a reader or check against the tests of the rule
// files that import it (so that one file's run stays within minutes).
// Prints a per-file table; the reports go to reports/mutation/<file>/ (git-ignored), and each
// measured file's row is merged into docs/mutation-scores.json and docs/mutation-scores.md.
// Not part of `npm test`: a rule file takes minutes on the 2-core machine.
import { execFileSync } from 'node:child_process';
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

const RULE_FILE = /^lib\/rules\/(((?:ha|sec|cap|perf|mon|slo|dr)-\d{3})-[a-z0-9-]+)\.ts$/;

/**
 * The writers and grammars (issue #13's escaping and parsing) and the fast tests that prove each:
 * unit tests and the hostile-input tests that are fast enough to run once per mutant (bash as the
 * oracle; promtool, terraform and java.util.Properties run in the hostile suite of `npm test`).
 */
const WRITER_TESTS: Readonly<Record<string, readonly string[]>> = {
  'lib/contract/writers/shell.ts': ['test/contract/writers/shell.test.ts', 'test/hostile/admin-scripts.test.ts'],
  'lib/contract/writers/terraform.ts': ['test/contract/writers/terraform.test.ts'],
  // (test/hostile/properties.test.ts, with java.util.Properties as the oracle, compiles Java in
  // every run: too slow per mutant; it runs in `npm test`.)
  'lib/model/properties-format.ts': ['test/contract/writers/properties.test.ts'],
  'lib/model/monitoring/promql-string.ts': ['test/contract/writers/promql.test.ts'],
  'lib/model/grammar/cidr.ts': ['test/model/grammar/cidr.test.ts', 'test/hostile/sec-007-address-space.test.ts'],
  'lib/model/grammar/names.ts': ['test/model/grammar/names.test.ts', 'test/model/grammar.test.ts'],
  'lib/model/grammar/tokens.ts': ['test/model/grammar/tokens.test.ts', 'test/contract/writers/terraform.test.ts'],
  'lib/model/grammar/arn.ts': ['test/model/grammar/arn.test.ts'],
  'lib/model/grammar/duration.ts': ['test/model/grammar/duration.test.ts'],
  'lib/model/grammar/numbers.ts': ['test/model/grammar/numbers.test.ts'],
  'lib/model/grammar/limits.ts': ['test/model/grammar/numbers.test.ts'],
  // (markdown.ts, promql.ts and properties.ts of lib/contract/writers only re-export the model's
  // writers measured here: markdown-format.ts, promql-string.ts, properties-format.ts.)
  'lib/contract/writers/json.ts': ['test/contract/writers/json.test.ts'],
  'lib/model/markdown-format.ts': ['test/contract/writers/markdown.test.ts', 'test/hostile/markdown.test.ts'],
  'lib/contract/yaml-writer.ts': ['test/contract/yaml-writer.test.ts'],
  // The grouped numbers of the reports (Intl.NumberFormat as the oracle).
  'lib/model/number-format.ts': ['test/model/number-format.test.ts'],
  'lib/contract/mermaid-flowchart.ts': ['test/contract/mermaid-flowchart.test.ts'],
  'lib/contract/alertmanager-config.ts': ['test/contract/alertmanager-config.test.ts'],
  'lib/contract/prometheus-rule-file.ts': ['test/contract/prometheus-rule-file.test.ts'],
  // The ACL and topic lines of the admin artefacts, written and parsed as kafka-acls.sh reads them
  // (test/hostile/admin-scripts.test.ts runs them through bash in `npm test`: seconds per mutant).
  'lib/contract/admin-command-lines.ts': ['test/contract/admin-command-lines.test.ts'],
};
/** The shared rule code and the tests that prove it (a reader or check not named here: the tests of the rules that import it). */
const SHARED_TESTS: Readonly<Record<string, readonly string[]>> = {
  // The root suppressions and the unused-suppression list are proven in the hostile suppression tests.
  'lib/rules/engine.ts': ['test/rules/engine.test.ts', 'test/rules/rule-pack.test.ts', 'test/hostile/suppressions.test.ts'],
  'lib/rules/suppressions.ts': ['test/rules/engine.test.ts', 'test/rules/rule-pack.test.ts', 'test/hostile/suppressions.test.ts'],
  'lib/rules/report.ts': ['test/rules/report.test.ts'],
  'lib/rules/rule.ts': ['test/rules/rule.test.ts'],
  'lib/rules/rule-validation.ts': ['test/rules/rule-validation.test.ts'],
  // The catalogue tests come first in rule-pack.test.ts (registry.test.ts reads the registry while loading, so a mutant there fails its loading, which Stryker counts as survived).
  'lib/rules/registry.ts': ['test/rules/rule-pack.test.ts'],
  // define-rule.test.ts imports no rule module, so a mutant that breaks every rule's definition fails its tests instead of their loading.
  'lib/rules/define-rule.ts': ['test/rules/define-rule.test.ts'],
  'lib/rules/rule-pack.ts': ['test/rules/rule-pack.test.ts'],
  // The fast tests build the log inside each test; test/app/report-sarif.test.ts (the schema, the examples' logs) runs in `npm test`.
  'lib/rules/report-sarif.ts': ['test/rules/report-sarif.test.ts'],
  'lib/rules/report-junit.ts': ['test/rules/report-junit.test.ts'],
  // The target checks every rule opens with, over hand-built documents (not the 18 rule files that import them).
  'lib/rules/checks/target-checks.ts': ['test/rules/checks/target-checks.test.ts'],
  // The MON rules' shared check over hand-built documents (the MON rule files' own tests synthesize stacks and charts).
  'lib/rules/checks/cluster-monitoring.ts': ['test/rules/checks/cluster-monitoring.test.ts'],
  // How MON-010 and DR-003 tie a KafkaMirrorMaker2 to its monitoring, over hand-built documents.
  'lib/rules/checks/mirror-maker-2-monitoring.ts': ['test/rules/checks/mirror-maker-2-monitoring.test.ts'],
  // The readers: their own document-level tests first (Stryker stops at the first failing test),
  // then the tests of a few of the rules that read through them (all of them would take too long per mutant).
  'lib/rules/readers/replication-documents.ts': ['test/rules/readers/replication-documents.test.ts', 'test/rules/dr-001-dr-peer-in-another-region.test.ts', 'test/rules/dr-002-topics-and-offsets-replicate.test.ts', 'test/rules/dr-003-rto-rpo-declared.test.ts', 'test/rules/dr-004-dr-cluster-follows-ha-and-sec.test.ts', 'test/rules/dr-005-mirror-maker-2-least-privilege.test.ts', 'test/rules/mon-010-mirrormaker2-replication-lag.test.ts'],
  'lib/rules/readers/secret-scanner.ts': ['test/rules/readers/secret-scanner.test.ts', 'test/rules/sec-009-no-secret-values.test.ts', 'test/validators/secret-scan.test.ts'],
  'lib/rules/readers/statefulset-documents.ts': ['test/rules/readers/statefulset-documents.test.ts', 'test/rules/ha-008-unclean-leader-election.test.ts', 'test/rules/sec-008-audit-logs.test.ts', 'test/rules/sec-010-managed-certificates.test.ts'],
  'lib/rules/readers/strimzi-documents.ts': ['test/rules/readers/strimzi-documents.test.ts', 'test/rules/readers/strimzi-broker-pools.test.ts', 'test/rules/ha-001-broker-count.test.ts', 'test/rules/ha-005-kraft-quorum.test.ts', 'test/rules/ha-011-persistent-storage.test.ts'],
  'lib/rules/readers/msk-cluster-document.ts': ['test/rules/readers/msk-cluster-document.test.ts', 'test/rules/ha-008-unclean-leader-election.test.ts', 'test/rules/ha-010-auto-create-topics.test.ts', 'test/rules/sec-003-authentication.test.ts', 'test/rules/sec-004-authorization.test.ts'],
  'lib/rules/readers/msk-admin-artefact.ts': ['test/rules/readers/msk-admin-artefact.test.ts', 'test/rules/cap-003-partitions.test.ts', 'test/rules/ha-002-replication-factor.test.ts', 'test/rules/ha-003-min-insync-replicas.test.ts', 'test/rules/ha-008-unclean-leader-election.test.ts'],
  'lib/rules/readers/published-client-properties.ts': ['test/rules/readers/published-client-properties.test.ts', 'test/rules/perf-002-producer-defaults.test.ts', 'test/rules/perf-003-consumer-defaults.test.ts'],
  // The shared openings of rule checks: their own document-level tests first (fast; a mutant that
  // breaks the opening fails the rule files at import, which Stryker does not count), then the rules'.
  'lib/rules/checks/capacity-plan-checks.ts': ['test/rules/checks/capacity-plan-checks.test.ts', 'test/rules/cap-002-broker-count.test.ts', 'test/rules/cap-001-storage.test.ts', 'test/rules/cap-003-partitions.test.ts'],
  'lib/rules/checks/published-client-checks.ts': ['test/rules/checks/published-client-checks.test.ts', 'test/rules/perf-003-consumer-defaults.test.ts', 'test/rules/perf-002-producer-defaults.test.ts'],
};

/** The rule files (lib/rules/<id>-<slug>.ts) that import a reader or check, directly. */
function importers(file: string): string[] {
  const rel = `./${path.relative('lib/rules', file).replace(/\.ts$/, '')}`;
  return fs.readdirSync('lib/rules').filter((f) => RULE_FILE.test(`lib/rules/${f}`))
    .filter((f) => fs.readFileSync(`lib/rules/${f}`, 'utf8').includes(`from '${rel}'`)).map((f) => `lib/rules/${f}`);
}

/** The folders whose files `--mutate` globs choose from (the writers' re-exports hold no code). */
const SCOPE = ['lib/rules', 'lib/model/grammar'];

/** The files in scope a glob names (`*` within a name, `**` across folders). */
function expand(glob: string): string[] {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  const re = new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*') + '$');
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const all = new Set([...SCOPE.flatMap(walk), ...Object.keys(WRITER_TESTS)]);
  return [...all].filter((f) => f.endsWith('.ts') && re.test(f)).sort();
}

/** The test files of a rule ID: test/rules/<id>-*.test.ts (one test file per rule ID). */
function ruleTests(id: string): string[] {
  return fs.readdirSync('test/rules').filter((t) => t.startsWith(`${id}-`) && t.endsWith('.test.ts')).map((t) => `test/rules/${t}`);
}


// `--render`: no run, only docs/mutation-scores.md written again from docs/mutation-scores.json.
const renderOnly = process.argv.includes('--render');
const files = renderOnly ? [] : expand(option('mutate') ?? '**/*.ts');
if (files.length === 0 && !renderOnly) {
  console.error(`no file of ${SCOPE.join(', ')} or the writers matches ${option('mutate')}`);
  process.exit(2);
}
const concurrency = Number(option('concurrency') ?? 1);

/** One Stryker run: the files to mutate and the test files that prove them. */
const runs: { name: string; mutate: string[]; tests: string[] }[] = [];
const shared: string[] = [];
for (const f of files) {
  const m = RULE_FILE.exec(f);
  const sharedTests = () => SHARED_TESTS[f] ?? [...new Set(importers(f).flatMap((r) => ruleTests(RULE_FILE.exec(r)![2])))];
  const tests = (m ? ruleTests(m[2]) : f.startsWith('lib/rules/') ? sharedTests() : WRITER_TESTS[f] ?? []).filter((t) => fs.existsSync(t));
  // A shared file's report folder names its folder too (readers/x, checks/x).
  if (tests.length) runs.push({ name: m ? m[1] : path.relative(f.startsWith('lib/rules/') ? 'lib/rules' : path.dirname(f), f).replace(/\.ts$/, ''), mutate: [f], tests });
  else if (f.startsWith('lib/rules/')) shared.push(f);
  else throw new Error(`no test file proves ${f}: name it in WRITER_TESTS`);
}
// Shared code that no test names and no rule imports (types only): against every rule test.
if (shared.length) runs.push({ name: 'shared', mutate: shared, tests: ['test/rules/**/*.test.ts'] });

interface Row { file: string; killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; errors: number }
const rows: Row[] = [];
for (const run of runs) {
  console.log(`\n== ${run.mutate.join(', ')} against ${run.tests.join(', ')}`);
  process.env.KAFKA_IAC_RULE_TESTS = run.tests.join(',');
  let results: MutantResult[];
  try {
    results = await new Stryker({
      mutate: run.mutate,
      concurrency,
      htmlReporter: { fileName: `reports/mutation/${run.name}/index.html` },
      jsonReporter: { fileName: `reports/mutation/${run.name}/mutation.json` },
    }).runMutationTest();
  } catch (e) {
    // One file's failed run (its tests fail before mutation) does not stop the others.
    console.error(`Stryker failed for ${run.mutate.join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(`reports/mutation/${run.name}/mutation.json`, 'utf8')) as { files: Record<string, { source: string; mutants: MutantResult[] }> };
  for (const f of run.mutate) {
    const of = results.filter((r) => r.fileName.endsWith(f));
    const count = (s: string) => of.filter((r) => r.status === s).length;
    const atLoad = killedAtLoad(f, Object.entries(report.files).find(([name]) => name.endsWith(f))?.[1]);
    rows.push({ file: f, killed: count('Killed') + atLoad.length, timeout: count('Timeout'), survived: count('Survived') - atLoad.length, noCoverage: count('NoCoverage'), ignored: count('Ignored'), errors: count('CompileError') + count('RuntimeError') });
    if (atLoad.length) console.log(`${f}: ${atLoad.length} static mutant(s) reported surviving throw when the module loads, so every test of the file fails; counted as killed: ${atLoad.map((m) => `${m.mutatorName} at line ${m.location.start.line}`).join(', ')}`);
  }
}

/**
 * The static mutants (module-level code: a rule's definition) that Stryker reports surviving
 * after running no test, and that make the module throw when it loads. A rule definition that
 * `defineRule` refuses (an empty ID, no targets) throws at import, so vitest fails every test
 * file that imports it, but Stryker's vitest runner counts a file that fails to load as no test
 * run, hence "survived". Each such mutant is applied to a copy of the file beside it and
 * imported with tsx: one that throws is a mutant the tests kill.
 */
function killedAtLoad(file: string, reported: { source: string; mutants: MutantResult[] } | undefined): MutantResult[] {
  if (!reported) return [];
  const lines = reported.source.split('\n');
  // The report's positions are 1-based lines and columns.
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return reported.mutants.filter((m) => m.status === 'Survived' && m.static && !m.testsCompleted).filter((m) => {
    const copy = path.join(path.dirname(file), `.mutant-${m.id}-${path.basename(file)}`);
    fs.writeFileSync(copy, reported.source.slice(0, offset(m.location.start)) + m.replacement + reported.source.slice(offset(m.location.end)));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(`./${copy}`)})`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    } finally {
      fs.rmSync(copy, { force: true });
    }
  });
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

/**
 * The committed record of the last measurement of each file: docs/mutation-scores.json (one row
 * per file) and the same table in docs/mutation-scores.md. A run replaces the rows of the files
 * it measured and keeps the others.
 */
interface Recorded { file: string; mutants: number; killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; score: number; date: string }
const RECORD = 'docs/mutation-scores.json';
const recorded: Recorded[] = fs.existsSync(RECORD) ? JSON.parse(fs.readFileSync(RECORD, 'utf8')) : [];
const today = new Date().toISOString().slice(0, 10);
const byFile = new Map(recorded.map((r) => [r.file, r]));
for (const r of rows) {
  byFile.set(r.file, {
    file: r.file, mutants: r.killed + r.timeout + r.survived + r.noCoverage, killed: r.killed, timeout: r.timeout,
    survived: r.survived, noCoverage: r.noCoverage, ignored: r.ignored, score: Number(score(r).toFixed(2)), date: today,
  });
}
const all = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
fs.writeFileSync(RECORD, JSON.stringify(all, null, 1) + '\n');
const sum = all.reduce((a, r) => ({ killed: a.killed + r.killed, timeout: a.timeout + r.timeout, survived: a.survived + r.survived, noCoverage: a.noCoverage + r.noCoverage, ignored: a.ignored + r.ignored, errors: 0 }),
  { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
fs.writeFileSync('docs/mutation-scores.md', [
  '# Mutation scores',
  '',
  'The last StrykerJS measurement of each file (`npm run mutate -- --mutate <file>`, which writes this',
  `table and [mutation-scores.json](mutation-scores.json)). Targets: at least 85% over all files, at least 75% for each.`,
  'Score = (killed + timeout) / (killed + timeout + survived + no coverage); ignored mutants are the',
  'ones marked equivalent in place (`// Stryker disable next-line ...: <reason>`).',
  '',
  '| file | mutants | killed | timeout | survived | no cov. | ignored | score | date |',
  '|------|--------:|-------:|--------:|---------:|--------:|--------:|------:|------|',
  ...all.map((r) => `| ${r.file} | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.score.toFixed(2)} | ${r.date} |`),
  `| **all ${all.length} files** | ${sum.killed + sum.timeout + sum.survived + sum.noCoverage} | ${sum.killed} | ${sum.timeout} | ${sum.survived} | ${sum.noCoverage} | ${sum.ignored} | ${score(sum).toFixed(2)} | |`,
  '',
].join('\n'));
console.log(`recorded in ${RECORD} and docs/mutation-scores.md`);
