import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEST_OUT } from './paths';

/**
 * The app options of the construct and rule fixtures: `Testing.app(SCRATCH_APP)` (cdktf and
 * cdk8s alike). Without an outdir both `Testing.app()` make a new folder in the system's
 * temporary folder per call and never remove it: thousands per run (close to 200,000 had piled
 * up in /tmp on the test machine, which made each new one slower to make). The fixtures'
 * apps are synthesized in memory (`Testing.synth`, `toJson`) or written by one test at a time,
 * so one folder per worker process serves them all.
 */
export const SCRATCH_APP = { outdir: path.join(TEST_OUT, 'scratch', `worker-${process.pid}`) };
fs.mkdirSync(SCRATCH_APP.outdir, { recursive: true });
