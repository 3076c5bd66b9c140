import * as fs from 'node:fs';
import { afterAll, expect } from 'vitest';

/**
 * Setup file (vitest.config.ts `setupFiles`): with KAFKA_IAC_TEST_CPU_LOG set to a file, each
 * test file appends one JSON line there when it ends: the worker's own CPU time while the file
 * was imported and run (`process.cpuUsage`), and the CPU time of the child processes the worker
 * waited for meanwhile (the real tools and every process they waited for: cutime + cstime of
 * /proc/self/stat). Without the variable it does nothing. How the suite's CPU time was divided
 * between the files and their tools (docs/performance.md, "Measured: where the suite's CPU goes").
 */
const log = process.env.KAFKA_IAC_TEST_CPU_LOG;

/** The CPU time, in ms, of the children this process has waited for (Linux clock ticks of 10 ms). */
function childrenMs(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime) are the 14th and 15th after the command name.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

if (log) {
  const self = process.cpuUsage();
  const children = childrenMs();
  const started = Date.now();
  const file = expect.getState().testPath;
  afterAll(() => {
    const used = process.cpuUsage(self);
    const line = { file, selfMs: Math.round((used.user + used.system) / 1000), childrenMs: childrenMs() - children, wallMs: Date.now() - started, pid: process.pid };
    fs.appendFileSync(log, `${JSON.stringify(line)}\n`);
  });
}
