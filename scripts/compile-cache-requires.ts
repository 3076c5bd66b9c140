// The CommonJS build's requires of its own files, made through the compile cache
// (lib/app/compile-cache.ts). Used by scripts/build.ts; apart from it so that tests load it without
// TypeScript and esbuild.
import * as path from 'node:path';

/** Where the CommonJS build keeps the compile cache's module (lib/app/compile-cache.ts). */
export const COMPILE_CACHE_MODULE = 'chunks/compile-cache.js';

/**
 * A CommonJS file of the build with its `require` of the package's other files (the chunks, the
 * generated classes) made through the compile cache (lib/app/compile-cache.ts): the same module,
 * compiled from V8's code cache when one is kept, else with the literal `require` kept beside it.
 * Packages and Node's modules load as before.
 */
export function withCompileCache(code: string, relative: string): string {
  let rel = path.posix.relative(path.posix.dirname(relative), COMPILE_CACHE_MODULE);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  // The literal require stays, as the fallback: bundlers (esbuild, webpack) follow it and bundle the file.
  const rewritten = code.replace(/\brequire\("(\.\.?\/[^"]+\.js)"\)/g, (whole, specifier: string) => `__kafkaIacRequire(${JSON.stringify(specifier)}, () => ${whole})`);
  if (rewritten === code) return code;
  const banner = `const __kafkaIacRequire = require(${JSON.stringify(rel)}).cachedRequire(module, require);\n`;
  // After a `#!` line (the bin), which must stay the first.
  const shebang = /^#!.*\n/.exec(rewritten)?.[0] ?? '';
  return `${shebang}${banner}${rewritten.slice(shebang.length)}`;
}

