import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

/**
 * The TypeScript compiler API for the tests, loaded with `require` (vitest.config.ts aliases the
 * tests' `import ts from 'typescript'` to this module; tsc-state.ts imports it directly, since it
 * also runs under tsx in scripts/test.sh's typecheck). vitest and tsx load a package that a module
 * imports with Node's `import()`, and for a CommonJS file Node then reads the 9 MB of typescript.js
 * twice more before it runs it: once to tell whether it is an ES module (syntax detection) and
 * once for its export names (cjs-module-lexer). `require` runs it directly: about 0.2 s of CPU
 * instead of 0.65 s in a vitest worker, 0.7 s less under tsx. The same module, the same API.
 */
const ts: typeof TypeScript = createRequire(import.meta.url)('typescript');
export default ts;
