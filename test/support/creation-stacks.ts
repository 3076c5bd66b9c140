/**
 * Setup file (vitest.config.ts `setupFiles`): the creation stacks that cdktf and constructs take
 * of every token and every computed attribute are formatted without source maps.
 *
 * cdktf captures a full stack (`Error.stackTraceLimit` unlimited) on a plain object, not an
 * Error, each time a token, a reference or a computed list is created: several times per
 * resource. Inside vitest every such capture went through the module runner's source-map
 * interceptor (vite `prepareStackTrace`), which mapped each of the 40 to 60 frames: a fifth of
 * the CPU of the in-process tests. The stacks only appear in cdktf's messages about unresolved
 * tokens. Real errors (instances of `Error`, which test failures print) keep their mapped stacks.
 */
const WRAPPED = Symbol.for('kafka-iac.test.creation-stacks');

type Prepare = (error: unknown, frames: NodeJS.CallSite[]) => unknown;

const current = Error.prepareStackTrace as (Prepare & { [WRAPPED]?: true }) | undefined;
if (current && !current[WRAPPED]) {
  const mapped = current;
  const prepare: Prepare & { [WRAPPED]?: true } = (error, frames) =>
    error instanceof Error ? mapped(error, frames) : `Error${frames.map((f) => `\n    at ${String(f)}`).join('')}`;
  prepare[WRAPPED] = true;
  Error.prepareStackTrace = prepare as typeof Error.prepareStackTrace;
}
