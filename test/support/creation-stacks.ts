/**
 * Setup file (vitest.config.ts `setupFiles`): the creation stacks that cdktf and constructs take
 * of every token and every computed attribute are formatted without source maps, and only down
 * to the first frame of the project's own code.
 *
 * cdktf captures a full stack (`Error.stackTraceLimit` unlimited) on a plain object, not an
 * Error, each time a token, a reference or a computed list is created: several times per
 * resource. Inside vitest every such capture went through the module runner's source-map
 * interceptor (vite `prepareStackTrace`), which mapped each of the 40 to 60 frames: a fifth of
 * the CPU of the in-process tests. Formatting all the frames without source maps still cost a
 * fifth of what was left (a stack built and synthesized 20 -> 16 ms per MSK cluster stack): three
 * quarters of the frames are vitest's runner. The stacks only appear in cdktf's messages about
 * unresolved tokens (`Object creation stack:`), which no test reads; they keep cdktf's frames
 * and the frame of lib/ or test/ that made the token. Real errors (instances of `Error`, which
 * test failures print) keep their full mapped stacks.
 */
const WRAPPED = Symbol.for('kafka-iac.test.creation-stacks');

type Prepare = (error: unknown, frames: NodeJS.CallSite[]) => unknown;

const current = Error.prepareStackTrace as (Prepare & { [WRAPPED]?: true }) | undefined;
if (current && !current[WRAPPED]) {
  const mapped = current;
  const prepare: Prepare & { [WRAPPED]?: true } = (error, frames) =>
    error instanceof Error ? mappedOrPlain(mapped, error, frames) : creationStack(frames);
  prepare[WRAPPED] = true;
  Error.prepareStackTrace = prepare as typeof Error.prepareStackTrace;
}

/**
 * The frames from where the token was made down to the first one outside node_modules (the
 * construct in lib/, or the test, that made it), formatted without source maps.
 */
function creationStack(frames: readonly NodeJS.CallSite[]): string {
  let text = 'Error';
  for (const frame of frames) {
    text += `\n    at ${String(frame)}`;
    if (!(frame.getFileName() ?? '/node_modules/').includes('/node_modules/')) break;
  }
  return text;
}

/**
 * The source-mapped stack of a real error, or its plain frames when the mapping itself throws
 * (vite's module runner in vitest's main process, where the global setup runs, cannot map modules
 * that came from vitest's file module cache: `code.charCodeAt is not a function`), so that the
 * error is still reported as itself.
 */
function mappedOrPlain(mapped: Prepare, error: Error, frames: readonly NodeJS.CallSite[]): unknown {
  try {
    return mapped(error, frames as NodeJS.CallSite[]);
  } catch {
    return `${error.name}: ${error.message}${frames.map((f) => `\n    at ${String(f)}`).join('')}`;
  }
}
