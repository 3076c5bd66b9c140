import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
// Loaded with require, in vitest (the alias in vitest.config.ts) and under tsx (scripts/test.sh's typecheck) alike.
import ts from './typescript-require';

/**
 * A check of tsc's incremental state (`--incremental --tsBuildInfoFile`) that needs no program:
 * whether the last `tsc --noEmit` run that wrote `buildInfo` checked exactly `roots`, with the same
 * configuration (`key`), without an error, and every file that program read (the roots, the
 * project's sources they import, the .d.ts files of node_modules, TypeScript's own lib files)
 * still has the content it had, by tsc's own content hash of each file. When it did, running tsc
 * again would parse all of them (about 3 s of CPU for the documentation blocks) only to report
 * the same result; any changed file, root or configuration means tsc runs.
 *
 * `key` stands for what the files do not: the tsconfig files' text, TypeScript's version and the
 * installed packages (node_modules/.package-lock.json, so an install that adds a package a
 * file could now resolve to runs tsc again).
 */
export interface TscState {
  readonly buildInfo: string;
  readonly key: string;
}

/**
 * `key` for a project: its tsconfig files' text, TypeScript's version, the installed packages'
 * lock, and the package.json beside `root` and beside each tsconfig (its `type` decides whether
 * tsc reads a file as an ES module or CommonJS, which the files' content hashes do not show).
 */
export function tscStateKey(root: string, tsconfigs: readonly string[]): string {
  const hash = crypto.createHash('sha256').update(ts.version);
  const lock = path.join(root, 'node_modules', '.package-lock.json');
  const manifests = [...new Set([root, ...tsconfigs.map((t) => path.dirname(t))].map((dir) => path.join(dir, 'package.json')))];
  for (const file of [...tsconfigs, lock, ...manifests]) hash.update('\0').update(file).update('\0').update(fs.existsSync(file) ? fs.readFileSync(file) : '');
  return hash.digest('hex');
}

/** The file beside `buildInfo` that records the key of its last passing run. */
const passedFile = (state: TscState) => `${state.buildInfo}.passed`;

/** Called before tsc runs: until it passes again, the state is not up to date. */
export function forgetPass(state: TscState): void {
  fs.rmSync(passedFile(state), { force: true });
}

/** Called when tsc has exited 0 (and written `buildInfo`). */
export function recordPass(state: TscState): void {
  fs.writeFileSync(passedFile(state), state.key);
}

/** Whether the last run passed under `key` over `roots`, and no file it read has changed since. */
export function passedAndUnchanged(state: TscState, roots: readonly string[]): boolean {
  let passed: string;
  let info: any;
  try {
    passed = fs.readFileSync(passedFile(state), 'utf8');
    info = JSON.parse(fs.readFileSync(state.buildInfo, 'utf8'));
  } catch {
    return false;
  }
  if (passed !== state.key || info.version !== ts.version || info.errors || info.checkPending) return false;
  // Files not yet checked, or checked with diagnostics, are listed here.
  if (info.semanticDiagnosticsPerFile?.length || info.changeFileSet?.length) return false;
  const dir = path.dirname(state.buildInfo);
  const host = { useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames, getCurrentDirectory: () => dir };
  // TypeScript's own reading of the state (internal, as tsc -b uses it): each file's recorded content hash, and the roots.
  // A state without file versions (tsc -b's record of a project that is not incremental: no
  // fileNames, which TypeScript's reader would fail on) proves nothing.
  if (!Array.isArray(info.fileNames) || info.fileNames.length === 0) return false;
  let fileInfos: Map<string, string>;
  let recordedRoots: Map<string, string>;
  try {
    ({ fileInfos, roots: recordedRoots } = (ts as any).getBuildInfoFileVersionMap(info, state.buildInfo, host) as { fileInfos: Map<string, string>; roots: Map<string, string> });
  } catch {
    return false;
  }
  const canonical = (f: string) => (ts.sys.useCaseSensitiveFileNames ? path.resolve(f) : path.resolve(f).toLowerCase());
  if (fileInfos.size === 0) return false;
  const wanted = new Set(roots.map(canonical));
  const recorded = new Set([...recordedRoots.keys()].map((p) => canonical(p)));
  if (wanted.size !== recorded.size || [...wanted].some((r) => !recorded.has(r))) return false;
  for (const [file, version] of fileInfos) {
    // Read as tsc reads it (ts.sys.readFile drops a byte-order mark).
    const text = ts.sys.readFile(file);
    if (text === undefined || (ts as any).getSourceFileVersionAsHashFromText(ts.sys, text) !== version) return false;
  }
  return true;
}

/** The root files of a tsconfig, as tsc lists them from its `files`, `include` and `exclude` (no program is built). */
export function configRootFiles(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return parsed.fileNames;
}
