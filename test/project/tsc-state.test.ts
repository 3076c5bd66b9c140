import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { temporaryFolder } from '../support/temporary-folders';
import { forgetPass, passedAndUnchanged, recordPass, tscStateKey } from '../support/tsc-state';

/**
 * The check that lets the documentation blocks' test skip a tsc run whose result is already
 * recorded (test/support/tsc-state.ts), against real tsc runs on a two-file project: a root and
 * a file it imports (as a block imports lib/).
 */
/**
 * What `tsc -p <tsconfig> --incremental --tsBuildInfoFile <buildInfo>` does, in this process
 * (TypeScript is loaded here already; a tsc process would load and parse it again): the
 * program's diagnostics, then its emit, which with noEmit writes only the incremental state.
 */
function tscIncremental(tsconfig: string, buildInfo: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, { incremental: true, tsBuildInfoFile: buildInfo }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  const program = ts.createIncrementalProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = [...program.getConfigFileParsingDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()];
  program.emit();
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('passedAndUnchanged (tsc incremental state)', () => {
  it('holds after a passing run, and not once a file the program read, the roots or the key change, or a new run starts', () => {
    const dir = temporaryFolder('kiac-tsc-state-');
    const main = path.join(dir, 'main.ts');
    const dep = path.join(dir, 'dep.ts');
    const tsconfig = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, lib: ['ES5'], types: [], module: 'Preserve' }, include: ['main.ts'] }));
    fs.writeFileSync(main, "import { n } from './dep';\nexport const m: number = n;\n");
    fs.writeFileSync(dep, 'export const n = 1;\n');
    const state = { buildInfo: path.join(dir, 'state.tsbuildinfo'), key: tscStateKey(ROOT, [tsconfig]) };

    expect(passedAndUnchanged(state, [main]), 'no run yet').toBe(false);
    expect(tscIncremental(tsconfig, state.buildInfo)).toEqual([]);
    recordPass(state);
    expect(passedAndUnchanged(state, [main])).toBe(true);
    expect(passedAndUnchanged(state, [main, dep]), 'other roots').toBe(false);
    expect(passedAndUnchanged({ ...state, key: 'another configuration' }, [main])).toBe(false);

    // A file only imported (not a root) changes, then changes back to the recorded content.
    fs.writeFileSync(dep, 'export const n = 2;\n');
    expect(passedAndUnchanged(state, [main])).toBe(false);
    fs.writeFileSync(dep, 'export const n = 1;\n');
    expect(passedAndUnchanged(state, [main])).toBe(true);

    // Before a run, the recorded pass is forgotten (recorded again only when tsc exits 0).
    forgetPass(state);
    expect(passedAndUnchanged(state, [main])).toBe(false);
  });

  it('keys the tsconfig text', () => {
    const dir = temporaryFolder('kiac-tsc-key-');
    const tsconfig = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(tsconfig, '{"compilerOptions":{"strict":true}}');
    const before = tscStateKey(ROOT, [tsconfig]);
    expect(tscStateKey(ROOT, [tsconfig])).toBe(before);
    fs.writeFileSync(tsconfig, '{"compilerOptions":{"strict":false}}');
    expect(tscStateKey(ROOT, [tsconfig])).not.toBe(before);
  });

  it('keys the package.json beside each tsconfig (its type decides how tsc reads the files)', () => {
    const dir = temporaryFolder('kiac-tsc-manifest-');
    const tsconfig = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(tsconfig, '{"compilerOptions":{"strict":true}}');
    const without = tscStateKey(ROOT, [tsconfig]);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const esm = tscStateKey(ROOT, [tsconfig]);
    expect(esm).not.toBe(without);
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    expect(tscStateKey(ROOT, [tsconfig])).not.toBe(esm);
  });

  it('does not hold for a state without file versions (tsc -b of a project that is not incremental), and does not throw', () => {
    const dir = temporaryFolder('kiac-tsc-noinc-');
    const state = { buildInfo: path.join(dir, 'state.tsbuildinfo'), key: 'k' };
    fs.writeFileSync(state.buildInfo, JSON.stringify({ root: ['./main.ts'], version: ts.version }));
    recordPass(state);
    expect(passedAndUnchanged(state, [path.join(dir, 'main.ts')])).toBe(false);
  });
});
