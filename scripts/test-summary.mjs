// Reads vitest's JSON report and prints the test command's last line, `N passed, N failed`.
// A test file that fails without a failed test (it throws at import, or a beforeAll hook
// throws and its tests are skipped) counts as one failure, named on stderr, so a suite that
// cannot load is never missing from the count. A missing or unreadable report is a failure.
// With ESLint's JSON report as well, every lint problem (error or warning: the lint allows
// none) counts as one failure, named on stderr; a missing lint report is one failure.
//
// Usage: node scripts/test-summary.mjs <vitest.json> [<eslint.json>]
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The summary of one vitest JSON report: passed and failed counts, skipped, failed files. */
export function summarize(report) {
  const failedFiles = (report.testResults ?? [])
    .filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'))
    .map((file) => ({ name: file.name, message: (file.message ?? '').split('\n')[0] }));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedFiles.length,
    skipped: report.numPendingTests ?? 0,
    failedFiles,
  };
}

/** The lint problems of one ESLint JSON report (errors and warnings), as `file:line:col message (rule)`. */
export function lintProblems(results) {
  return results.flatMap((r) => (r.messages ?? []).map((m) => `${r.filePath}:${m.line ?? 0}:${m.column ?? 0} ${m.message} (${m.ruleId ?? 'fatal'})`));
}

/** The lint problems of the ESLint report at `file`; one problem when it is missing or unreadable. */
function lintProblemsOf(file) {
  try {
    return lintProblems(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    return [`no ESLint report at ${file} (${e.message})`];
  }
}

const file = process.argv[2];
const lintFile = process.argv[3];
if (file && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lint = lintFile ? lintProblemsOf(lintFile) : [];
  for (const p of lint) console.error(`lint: ${p}`);
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`test-summary: no vitest report at ${file} (${e.message})`);
    console.log(`0 passed, ${1 + lint.length} failed`);
    process.exit(0);
  }
  const s = summarize(report);
  for (const f of s.failedFiles) console.error(`failed to run: ${f.name}: ${f.message}`);
  if (s.skipped) console.log(`(${s.skipped} skipped)`);
  console.log(`${s.passed} passed, ${s.failed + lint.length} failed`);
}
