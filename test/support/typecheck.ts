/**
 * The typecheck of `npm test` (scripts/test.sh runs this file with tsx): `tsc --noEmit
 * --incremental` over tsconfig.json, its state kept in .test-out/cache/tsc.tsbuildinfo.
 *
 * When tsc's last run over the same root files passed, under the same tsconfig.json, TypeScript
 * version and installed packages, and no file it read (lib/, test/, the packages' declarations,
 * TypeScript's lib files) has changed by tsc's own content hash (`passedAndUnchanged`,
 * test/support/tsc-state.ts), tsc is not started: even incremental, it would parse and bind all
 * 2,000 of them (about 6 s of CPU) only to report the same result. A new, removed or renamed file
 * under `include` changes the roots, and tsc runs. A fresh clone has no state, and tsc runs.
 *
 * Prints tsc's output and exits with its status (0 when skipped).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './paths';
import { configRootFiles, forgetPass, passedAndUnchanged, recordPass, tscStateKey } from './tsc-state';

const BUILD_INFO = path.join(ROOT, '.test-out', 'cache', 'tsc.tsbuildinfo');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');

const state = { buildInfo: BUILD_INFO, key: tscStateKey(ROOT, [TSCONFIG]) };
if (passedAndUnchanged(state, configRootFiles(TSCONFIG))) {
  console.log('typecheck: no file tsc read has changed since its last passing run (tsc content hashes); tsc not run');
  process.exit(0);
}
forgetPass(state);
const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '--noEmit', '--incremental', '--tsBuildInfoFile', BUILD_INFO], { cwd: ROOT, stdio: 'inherit' });
if (r.error) throw r.error;
if (r.status === 0) recordPass(state);
process.exit(r.status ?? 1);
