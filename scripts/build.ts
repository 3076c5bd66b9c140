// `npm run build` (and `prepack`): compiles lib/ into the published package.
//
//   build/esm/  ES modules + .d.ts   (package.json `exports` → `import`)
//   build/cjs/  CommonJS + .d.ts     (package.json `exports` → `require`), with a package.json
//                                    {"type": "commonjs"} so Node and TypeScript read it as CommonJS
//
// The sources keep extension-less imports (the repo runs them through tsx and vitest with Bundler
// resolution). Native Node ESM does not add extensions or read directory index files: "Directory
// and file extensions are not resolved for ES module specifiers; mandatory file extensions ...
// `./startup/index.js` must also be fully specified" (https://nodejs.org/api/esm.html#mandatory-file-extensions),
// failing with ERR_UNSUPPORTED_DIR_IMPORT / ERR_MODULE_NOT_FOUND. TypeScript does not rewrite
// specifiers ("module specifiers are not rewritten", https://www.typescriptlang.org/docs/handbook/modules/reference.html#module-specifiers-are-not-transformed-by-default),
// so a transformer run after import elision writes the full path into the emitted JavaScript
// and declarations: `./model/environment` → `./model/environment.js`, and
// `@cdktf/provider-aws/lib/msk-cluster` → `@cdktf/provider-aws/lib/msk-cluster/index.js` (a package
// without an `exports` map, whose subpaths Node resolves as plain files).
//
// Why plain tsc through its API rather than a dual-package tool: tshy runs tsc with NodeNext, which
// needs `.js` specifiers written in the sources; tsup/esbuild bundles or copies specifiers as they are,
// so `@cdktf/provider-aws/lib/msk-cluster` would stay a directory import that native ESM refuses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'build');

/** The full specifier Node ESM needs, or the specifier unchanged when it is already complete or is a package's exported entry. */
export function fullySpecified(specifier: string, fromFile: string): string {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    if (fs.existsSync(`${target}.ts`)) return `${specifier}.js`;
    if (fs.existsSync(path.join(target, 'index.ts'))) return `${specifier}/index.js`;
    return specifier;
  }
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length <= nameLength) return specifier; // the package root: its `main` / `exports`
  const pkgDir = path.join(ROOT, 'node_modules', ...parts.slice(0, nameLength));
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.exports) return specifier; // the package's exports map decides; leave its subpaths alone
  const file = path.join(pkgDir, ...parts.slice(nameLength));
  if (/\.(c|m)?js$/.test(specifier)) return specifier;
  if (fs.existsSync(`${file}.js`)) return `${specifier}.js`;
  if (fs.existsSync(path.join(file, 'index.js'))) return `${specifier}/index.js`;
  throw new Error(`build: cannot resolve ${specifier} from ${fromFile}`);
}

/** Rewrites every static import/export specifier and `import("…")` type in one file. */
function specifierTransformer(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const f = context.factory;
  return (root) => {
    const sourcePath = root.fileName.endsWith('.d.ts')
      ? findSource(root.fileName)
      : root.fileName;
    const rewrite = (lit: ts.StringLiteral) => f.createStringLiteral(fullySpecified(lit.text, sourcePath));
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateImportDeclaration(node, node.modifiers, node.importClause, rewrite(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, rewrite(node.moduleSpecifier), node.attributes);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        return f.updateImportTypeNode(node, f.updateLiteralTypeNode(node.argument, rewrite(node.argument.literal)),
          node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(root, visit, context);
  };
}

/** Declaration files are transformed with their output name; map it back to the source file. */
function findSource(declarationFile: string): string {
  for (const dir of ['esm', 'cjs']) {
    const base = path.join(OUT, dir);
    if (declarationFile.startsWith(base)) return path.join(ROOT, 'lib', path.relative(base, declarationFile).replace(/\.d\.ts$/, '.ts'));
  }
  return declarationFile.replace(/\.d\.ts$/, '.ts');
}

/**
 * CommonJS has no `import.meta` (https://nodejs.org/api/esm.html#importmeta: "only available in ES
 * modules"); `__filename` is the same file there. Replaces `import.meta.url` before emit.
 */
function importMetaUrlTransformer(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const f = context.factory;
  const replacement = () => f.createPropertyAccessExpression(
    f.createCallExpression(
      f.createPropertyAccessExpression(
        f.createCallExpression(f.createIdentifier('require'), undefined, [f.createStringLiteral('node:url')]),
        'pathToFileURL'),
      undefined, [f.createIdentifier('__filename')]),
    'href');
  return (root) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression)
        && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'url') {
        return replacement();
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(root, visit, context);
  };
}

/** TS1343: 'import.meta' is only allowed with ES module output; the CommonJS build replaces it (above). */
const IMPORT_META_IN_COMMONJS = 1343;

/** Copies every .d.ts under `from` to the same place under `to` (the CommonJS build's declarations are the ESM build's). */
function copyDeclarations(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyDeclarations(source, path.join(to, entry.name));
    else if (entry.name.endsWith('.d.ts')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
}

/**
 * The declaration files (node_modules, the TypeScript libs) parsed and bound by the first pass, for
 * the second: both read the same .d.ts files, each parsed once. As `tsc --build` shares them between
 * the projects it builds (TypeScript's changeCompilerHostLikeToUseCache: declaration and JSON files
 * only, by path and impliedNodeFormat); the sources of lib/ are parsed again by each pass, as
 * module and moduleResolution, which differ, affect a source file (their `affectsSourceFile`).
 */
const declarationFiles = new Map<string, ts.SourceFile>();

function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!fileName.endsWith('.d.ts')) return getSourceFile.call(host, fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const impliedNodeFormat = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions.impliedNodeFormat : undefined;
    const key = `${impliedNodeFormat ?? ''}\0${path.resolve(fileName)}`;
    const cached = declarationFiles.get(key);
    if (cached) return cached;
    const file = getSourceFile.call(host, fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    if (file) declarationFiles.set(key, file);
    return file;
  };
  return host;
}

function compile(format: 'esm' | 'cjs'): void {
  const outDir = path.join(OUT, format);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    // The ESM pass writes the declarations; the CommonJS pass copies them (copyDeclarations):
    // declaration emit does not depend on the module format, and the files were byte-identical
    // when both passes emitted them (the second emit cost 0.4 to 0.7 s of CPU in paired runs).
    declaration: format === 'esm',
    rootDir: path.join(ROOT, 'lib'),
    // The ESM pass type-checks lib/; the CommonJS pass only emits (same sources, same types).
    // KAFKA_IAC_BUILD_NO_CHECK=1 (the consumer tests' `npm pack`, inside `npm test`, which
    // type-checks lib/ under the repo's stricter tsconfig already) skips the check in both.
    noCheck: format === 'cjs' || process.env.KAFKA_IAC_BUILD_NO_CHECK === '1',
    outDir,
    ...(format === 'esm'
      ? { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }
      : { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }),
  };
  const files = ts.sys.readDirectory(path.join(ROOT, 'lib'), ['.ts'], ['**/*.d.ts']);
  const program = ts.createProgram({ rootNames: files, options, host: compilerHost(options) });
  const result = program.emit(undefined, undefined, undefined, false, {
    // ESM only: CommonJS `require` resolves extension-less files and directory index files itself.
    before: format === 'cjs' ? [importMetaUrlTransformer] : [],
    after: format === 'esm' ? [specifierTransformer] : [],
    afterDeclarations: [specifierTransformer as ts.TransformerFactory<ts.SourceFile | ts.Bundle>], // no outFile: always a SourceFile
  });
  if (format === 'cjs') copyDeclarations(path.join(OUT, 'esm'), outDir);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics]
    .filter((d) => !(format === 'cjs' && d.code === IMPORT_META_IN_COMMONJS));
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (p) => p, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    process.exit(1);
  }
  // Tells Node (and TypeScript's NodeNext resolution) how to read the .js and .d.ts files of this folder.
  // https://nodejs.org/api/packages.html#type ("Files ending with .js are loaded as ES modules when the nearest parent package.json file contains a top-level field "type" with a value of "module"")
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ type: format === 'esm' ? 'module' : 'commonjs' }) + '\n');
}

if (process.argv[1] === import.meta.filename) {
  fs.rmSync(OUT, { recursive: true, force: true });
  const started = Date.now();
  compile('esm');
  compile('cjs');
  // stderr: `npm pack --json` runs this as prepack, and its stdout must stay JSON.
  console.error(`build/esm and build/cjs written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
