/**
 * Whether a process with this id exists (signal 0 only asks). A process of another user counts
 * (EPERM); only "no such process" (ESRCH) says it has ended, so a pid file left behind by a killed
 * run can be told from one whose writer still runs.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
