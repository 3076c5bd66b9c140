import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { threadId } from 'node:worker_threads';

/**
 * A compile cache for the package's own CommonJS files (build/cjs: the shared chunks and the
 * generated Strimzi and KEDA classes), the way Node's module compile cache works
 * (https://nodejs.org/api/module.html#module-compile-cache, Node 22.1 and later, for a whole
 * process and only when a tool or the user turns it on): V8's code cache of each file
 * (https://v8.dev/blog/code-caching-for-devs) is kept on disk and handed back to V8 when the
 * same file is compiled again, so the next synthesis neither parses the file nor compiles again
 * the functions the last one ran. For the MSK quick start, about 45 ms of CPU of 550 (Node 20).
 *
 * Only the package's own files load through it (the build rewrites their `require` of one
 * another to `cachedRequire`); every other module loads as before. Where it keeps the cache:
 * `node_modules/.cache/kafka-iac/` of the project that holds the package, the folder build tools
 * share (find-cache-dir's convention), written only by whoever can write the package itself.
 * A cache V8 refuses (another Node or V8 version, other flags) or cannot read is ignored and
 * written again; the file name holds the SHA-1 of the compiled text and V8's version-and-flags
 * tag, so a changed file is never run from another text's cache. The first run after an install
 * or an upgrade pays for writing the caches (about 40 ms of CPU for the quick start).
 *
 * It is off, and files load with the plain `require`, when `NODE_DISABLE_COMPILE_CACHE` is set
 * (Node's own switch), when `KAFKA_IAC_COMPILE_CACHE=off`, when coverage is being collected
 * (`NODE_V8_COVERAGE`: cached code counts less precisely), when the inspector is open (a
 * debugger binds breakpoints to the file URLs of Node's own loader), when Node's own compile cache is on
 * (it covers these files already), when the module system is not Node's (Jest and other
 * test runners bring their own `module` and `require`: the package then loads through them),
 * and when no cache folder can be made.
 */

interface NodeModuleInternals {
  /** require.cache. */
  readonly _cache: Record<string, Module | undefined>;
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  getCompileCacheDir?(): string | undefined;
}
const NodeModule = Module as unknown as NodeModuleInternals & (new (id: string, parent?: Module) => Module);

/** The folder name under `node_modules/.cache/`. */
const CACHE_NAME = 'kafka-iac';
/** The most cache files kept: each build names its chunks anew; older files go first. */
const MAX_FILES = 64;
/** Node's CommonJS wrapper, on the file's first line so that line numbers stay the file's own. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';

interface State {
  readonly dir: string;
  /** Scripts compiled without an accepted cache: their cache is written when the process exits. */
  readonly pending: { readonly script: vm.Script; readonly file: string }[];
}
let state: State | null | undefined;

/** The inspector's URL when it is open; undefined when it is not, or when this Node has no inspector (built without it). */
function inspectorUrl(): string | undefined {
  try {
    return (Module.createRequire(path.join(process.cwd(), 'noop.js'))('node:inspector') as typeof import('node:inspector')).url();
  } catch {
    return undefined;
  }
}

/**
 * Why the cache is off, or undefined when it may be used. `nodeCacheDir` is where Node's own
 * compile cache is kept when it is on (`module.getCompileCacheDir()`, Node 22.8 and later).
 */
export function compileCacheOffReason(env: NodeJS.ProcessEnv = process.env, nodeCacheDir: string | undefined = NodeModule.getCompileCacheDir?.()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return 'NODE_DISABLE_COMPILE_CACHE is set';
  if (env.KAFKA_IAC_COMPILE_CACHE === 'off') return 'KAFKA_IAC_COMPILE_CACHE=off';
  if (env.NODE_V8_COVERAGE) return 'coverage is collected (NODE_V8_COVERAGE)';
  // A debugger sets breakpoints by the file URLs Node's own loader gives its scripts.
  if (inspectorUrl() !== undefined) return 'the inspector is open (a debugger)';
  // NODE_COMPILE_CACHE turns it on from Node 22.1, before getCompileCacheDir (22.8) could say so.
  if (nodeCacheDir || env.NODE_COMPILE_CACHE) return "Node's own compile cache is on";
  if (typeof vm.Script.prototype.createCachedData !== 'function') return 'this runtime has no V8 code cache';
  return undefined;
}

/**
 * `node_modules/.cache/kafka-iac` of the project that holds `fromDir`: under the nearest
 * `node_modules` folder above it (the package installed in a project), or else under the
 * `node_modules` folder of the nearest folder that has one (the package's own checkout).
 */
export function compileCacheDir(fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return path.join(dir, '.cache', CACHE_NAME);
    if (path.dirname(dir) === dir) break;
  }
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', CACHE_NAME);
    if (path.dirname(dir) === dir) return undefined;
  }
}

function setUp(packageDir: string): State | null {
  if (compileCacheOffReason() !== undefined) return null;
  const dir = compileCacheDir(packageDir);
  if (dir === undefined) return null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // A folder made by another user: hashing and serializing for nothing would cost every run.
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return null;
  }
  const s: State = { dir, pending: [] };
  process.once('exit', () => writePending(s));
  return s;
}

/**
 * The cache file of a compiled text: the SHA-1 of exactly what V8 compiles (the wrapper and the
 * source: V8 itself checks only the length of the source a cache was made from) and V8's tag for
 * its version and flags (`v8.cachedDataVersionTag()`: a process started with other V8 flags, as
 * `--max-old-space-size` in NODE_OPTIONS, keeps its own files instead of rewriting the others').
 */
function cacheFileOf(dir: string, filename: string, compiled: string): string {
  const hash = crypto.createHash('sha1').update(compiled).digest('hex');
  return path.join(dir, `${path.basename(filename, '.js')}-${hash}-${v8.cachedDataVersionTag()}-${process.arch}.cache`);
}

/** Writes the code cache of each script compiled without one (with the functions run since), then prunes. */
function writePending(s: State): void {
  for (const { script, file } of s.pending.splice(0)) {
    // One name per process and thread: workers of one process share its pid.
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
  try {
    const files = fs.readdirSync(s.dir).filter((f) => f.endsWith('.cache')).map((f) => path.join(s.dir, f));
    if (files.length <= MAX_FILES) return;
    const byAge = files.map((f) => ({ f, t: fs.statSync(f).mtimeMs })).sort((a, b) => a.t - b.t);
    for (const { f } of byAge.slice(0, files.length - MAX_FILES)) fs.rmSync(f, { force: true });
  } catch {
    // A folder another process is pruning too: nothing to do.
  }
}

/** A `require` for a module loaded here, as Node makes one (https://nodejs.org/api/modules.html#require-id). */
function requireOf(m: Module, parentRequire: NodeJS.Require): NodeJS.Require {
  const r = ((id: string) => m.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => NodeModule._resolveFilename(request, m, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => NodeModule._resolveLookupPaths(request, m);
  r.resolve = resolve;
  r.main = parentRequire.main;
  r.cache = NodeModule._cache as NodeJS.Require['cache'];
  return r;
}

/**
 * The `require` a file of the package uses for another of its files: from the code cache when it
 * may be used, else `load`, the file's own literal `require("./x.js")` (which a bundler sees and
 * follows: in a bundle, `module` is the bundler's and `load` finds the bundled file). `parent` and
 * `parentRequire` are the calling file's own `module` and `require`.
 */
export function cachedRequire(parent: Module, parentRequire: NodeJS.Require): (specifier: string, load: () => unknown) => unknown {
  return (specifier, load) => {
    if (!(parent instanceof Module) || typeof parent.filename !== 'string') return load();
    if (state === undefined) state = setUp(path.dirname(parent.filename));
    if (state === null) return load();
    const filename = path.resolve(path.dirname(parent.filename), specifier);
    const loaded = NodeModule._cache[filename];
    if (loaded !== undefined) {
      // As Node's loader does for a module already loaded: it becomes a child of this parent too.
      if (!parent.children.includes(loaded)) parent.children.push(loaded);
      return loaded.exports;
    }
    let source: string;
    try {
      source = fs.readFileSync(filename, 'utf8');
    } catch {
      return load();
    }
    // A script compiled here has no loader for `import()`; such a file loads as usual.
    if (source.includes('import(')) return load();
    const compiled = `${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`;
    const file = cacheFileOf(state.dir, filename, compiled);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // The wrapper shares the first line: columns there are counted from the source's own start.
    const script = new vm.Script(compiled, { filename, cachedData, columnOffset: -WRAPPER_HEAD.length });
    if (cachedData === undefined || script.cachedDataRejected === true) state.pending.push({ script, file });
    const m = new NodeModule(filename, parent);
    m.filename = filename;
    m.paths = NodeModule._nodeModulePaths(path.dirname(filename));
    NodeModule._cache[filename] = m;
    // As Node's loader does (Module._load): the error of a module's code passes through as it was
    // thrown, and the module is forgotten (the next require runs it again).
    let threw = true;
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(m.exports, m.exports, requireOf(m, parentRequire), m, filename, path.dirname(filename));
      threw = false;
    } finally {
      if (threw) {
        delete NodeModule._cache[filename];
        const index = parent.children.indexOf(m);
        if (index !== -1) parent.children.splice(index, 1);
      }
    }
    m.loaded = true;
    return m.exports;
  };
}
