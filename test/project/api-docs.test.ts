// Every symbol the package exports (its entry points: kafka-iac, kafka-iac/msk,
// kafka-iac/kubernetes, kafka-iac/testing) has a doc comment, and so has every public method of
// an exported class or interface: what `npm run docs:api` (typedoc.json, validation.notDocumented
// with treatWarningsAsErrors) requires to build the API reference. Checked here with the
// TypeScript compiler API, which takes seconds instead of a full typedoc run.
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { ROOT, TEST_OUT } from '../support/paths';
import typedoc from '../../typedoc.json';

const ENTRY_POINTS = typedoc.entryPoints;

/** Whether a declaration carries a doc comment (`/** ... *\/` with text or tags). */
function documented(decl: ts.Declaration): boolean {
  // A variable's comment sits on its statement.
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  return ts.getJSDocCommentsAndTags(node).length > 0;
}

/** The public methods of a class or interface declaration. */
function publicMethods(decl: ts.Declaration): ts.Declaration[] {
  if (!ts.isClassDeclaration(decl) && !ts.isInterfaceDeclaration(decl)) return [];
  return (decl.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>).filter((m) => {
    if (!ts.isMethodDeclaration(m) && !ts.isMethodSignature(m)) return false;
    const modifiers = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
    const hidden = modifiers.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword);
    return !hidden && !(m.name && ts.isPrivateIdentifier(m.name));
  });
}

/**
 * The program over the entry points and the files they import with relative specifiers, nothing
 * else: no package (node_modules) and no TypeScript lib. Whether a declaration has a doc comment
 * is syntax, and which symbols a module exports follows its own export statements, so the
 * packages' 560 declaration files (two thirds of the program, about 1.8 s of CPU to parse and
 * bind) change no answer here. What could come from a package, a re-export of one, is reported
 * by undocumentedExports instead of being followed (lib/ has none).
 */
function programOverOwnFiles(files: readonly string[]): ts.Program {
  const key = files.join('\n');
  const cached = programs.get(key);
  if (cached) return cached;
  const options: ts.CompilerOptions = {
    noEmit: true, noLib: true, types: [], module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022, resolveJsonModule: true, esModuleInterop: true,
  };
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, compilerOptions) => literals.map((l) => (isRelative(l.text)
    ? ts.resolveModuleName(l.text, containingFile, compilerOptions, host)
    : { resolvedModule: undefined }));
  const program = ts.createProgram({ rootNames: files, options, host });
  programs.set(key, program);
  return program;
}

/** The programs made so far, by their root files: the two checks of the entry points share one. */
const programs = new Map<string, ts.Program>();

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/** `<file>: re-exports <package>` for each export statement that names a package: its symbols are not in the program. */
function packageReExports(program: ts.Program): string[] {
  return program.getSourceFiles().flatMap((sf) => sf.statements
    .filter((s): s is ts.ExportDeclaration & { moduleSpecifier: ts.StringLiteral } => ts.isExportDeclaration(s)
      && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier) && !isRelative(s.moduleSpecifier.text))
    .map((s) => `${path.relative(ROOT, sf.fileName)}: re-exports ${s.moduleSpecifier.text}, whose documentation this check cannot see`));
}

/** `<file>:<name>` of each exported symbol, or public method of one, that has no doc comment. */
export function undocumentedExports(entryPoints: readonly string[]): string[] {
  const files = entryPoints.map((e) => path.join(ROOT, e));
  const program = programOverOwnFiles(files);
  const checker = program.getTypeChecker();
  const missing = new Set<string>(packageReExports(program));
  for (const file of files) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // An alias that resolves nowhere (an imported package symbol exported again) has no declaration to check.
      if (!symbol.declarations?.length) missing.add(`${path.relative(ROOT, file)}:${exported.name} (exports a symbol this check cannot see)`);
      for (const decl of symbol.declarations ?? []) {
        const where = path.relative(ROOT, decl.getSourceFile().fileName);
        if (where.startsWith('lib/imports/')) continue; // generated by cdk8s import from the CRDs
        if (!documented(decl)) missing.add(`${where}:${symbol.name}`);
        for (const m of publicMethods(decl)) {
          if (!documented(m)) missing.add(`${where}:${symbol.name}.${(m as ts.MethodDeclaration).name.getText()}`);
        }
      }
    }
  }
  return [...missing].sort();
}

/** `<entry point> <name>` of every name each entry point exports, sorted: the package's public API. */
export function exportedNames(entryPoints: readonly string[]): string[] {
  const files = entryPoints.map((e) => path.join(ROOT, e));
  const program = programOverOwnFiles(files);
  const checker = program.getTypeChecker();
  return files.flatMap((file) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!)
    .map((e) => `${path.relative(ROOT, file)} ${e.name}`)).sort();
}

/** Helpers the library's modules share: each lives in a module no entry point re-exports. */
const INTERNAL_HELPERS = ['ingressNetworkPolicy', 'tcpPorts', 'linkedClusterDashboards', 'roleSeriesLabels', 'clusterAlertLabels', 'scrapedSeriesLabels', 'alertedCluster'];

describe('the public API', () => {
  const names = exportedNames(ENTRY_POINTS);

  it('keeps the internal helpers out of every entry point', () => {
    expect(names).toContain('lib/msk.ts MskCluster');
    expect(names).toContain('lib/kubernetes.ts StrimziSupportNetworkPolicies');
    expect(names).toContain('lib/index.ts ScrapeRole');
    const leaked = names.filter((n) => INTERNAL_HELPERS.includes(n.split(' ')[1]!));
    expect(leaked).toEqual([]);
  });

  it('is the list recorded in public-api.txt: an export added or removed is an API change made on purpose (vitest -u records it)', async () => {
    await expect(`${names.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/public-api.txt');
  });
});

describe('the API reference', () => {
  it('documents every exported symbol of every entry point, and every public method', () => {
    expect(ENTRY_POINTS).toEqual(['lib/index.ts', 'lib/msk.ts', 'lib/kubernetes.ts', 'lib/testing/index.ts']);
    expect(undocumentedExports(ENTRY_POINTS)).toEqual([]);
  }, 60_000);

  it('finds an undocumented export, a re-exported one, an undocumented public method and an export of a package\'s symbol (the check can fail)', () => {
    const dir = path.join(TEST_OUT, 'api-docs-probe');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'entry.ts'), [
      "export * from './other';",
      'export interface Undocumented { readonly a: string }',
      '/** A documented class. */',
      'export class Documented {',
      '  /** A documented method. */',
      '  public ok(): void {}',
      '  public missing(): void {}',
      '  private hidden(): void {}',
      '}',
      '/** A documented constant. */',
      'export const DOCUMENTED = 1;',
      'export const UNDOCUMENTED = 2;',
      // Symbols of a package: the check does not load packages, so it says so instead of passing them.
      "export { Construct } from 'constructs';",
      "import { App } from 'cdktf';",
      'export { App };',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'other.ts'), 'export function reexported(): void {}\n');
    const rel = path.relative(ROOT, dir);
    try {
      expect(undocumentedExports([`${rel}/entry.ts`])).toEqual([
        `${rel}/entry.ts: re-exports constructs, whose documentation this check cannot see`,
        `${rel}/entry.ts:App (exports a symbol this check cannot see)`,
        `${rel}/entry.ts:Construct (exports a symbol this check cannot see)`,
        `${rel}/entry.ts:Documented.missing`, `${rel}/entry.ts:UNDOCUMENTED`, `${rel}/entry.ts:Undocumented`, `${rel}/other.ts:reexported`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
