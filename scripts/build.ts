// `npm run build` (and `prepack`): compiles lib/ into the published package.
//
//   build/esm/  ES modules + .d.ts   (package.json `exports` → `import`)
//   build/cjs/  CommonJS + .d.ts     (package.json `exports` → `require`), with a package.json
//                                    {"type": "commonjs"} so Node and TypeScript read it as CommonJS
//
// Two steps:
// 1. tsc (through its API, below) type-checks lib/ and emits ES modules, one per source file, and
//    the declarations (build/esm/**/*.d.ts, copied to build/cjs: one per source file, as before).
// 2. esbuild bundles tsc's JavaScript (not the TypeScript: what runs is what tsc emitted) into the
//    package's entry points (`exports` and `bin` of package.json) with code splitting: the code
//    every entry point reaches once, in shared chunks (build/esm/chunks/), so `kafka-iac`,
//    `kafka-iac/msk`, `kafka-iac/kubernetes` and `kafka-iac/testing` share one copy of each class
//    and each loads only the chunks of the modules it reaches (`kafka-iac/msk` no cdk8s, no Strimzi
//    classes). Node 20 loads 6 files of the build instead of 188 for the MSK quick start: each file
//    costs a resolution (stat, realpath, package.json scope), a read and a compile of its wrapper.
//    Every package stays external (peers and dependencies load from the consumer's node_modules),
//    and so do the generated Strimzi and KEDA classes (lib/imports/): leaf modules, kept as files.
//    The CommonJS build is each ES output file converted on its own by esbuild (the same chunks,
//    `require` for `import`, in the same order): esbuild splits only ES modules (esbuild 0.28 with
//    `--splitting --format=cjs`: "Splitting currently only works with the "esm" format").
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
// needs `.js` specifiers written in the sources; tsup/esbuild copy external specifiers as they are,
// so `@cdktf/provider-aws/lib/msk-cluster` would stay a directory import that native ESM refuses.
// esbuild bundles tsc's output, whose specifiers are already complete.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
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
  const base = path.join(OUT, 'esm');
  if (declarationFile.startsWith(base)) return path.join(ROOT, 'lib', path.relative(base, declarationFile).replace(/\.d\.ts$/, '.ts'));
  return declarationFile.replace(/\.d\.ts$/, '.ts');
}

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

/** tsc's JavaScript, one ES module per source file: the bundler's input, removed when the build ends. */
const MODULES = path.join(OUT, '.modules');

/**
 * Step 1: tsc type-checks lib/ and emits ES modules into MODULES and the declarations into
 * build/esm. KAFKA_IAC_BUILD_NO_CHECK=1 (the consumer tests' `npm pack`, inside `npm test`, which
 * type-checks lib/ under the repo's stricter tsconfig already) skips the check.
 */
function compile(): void {
  const outDir = path.join(OUT, 'esm');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    declaration: true,
    rootDir: path.join(ROOT, 'lib'),
    noCheck: process.env.KAFKA_IAC_BUILD_NO_CHECK === '1',
    outDir,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const files = ts.sys.readDirectory(path.join(ROOT, 'lib'), ['.ts'], ['**/*.d.ts']);
  const program = ts.createProgram({ rootNames: files, options });
  const writeFile: ts.WriteFileCallback = (fileName, text) => {
    const target = fileName.endsWith('.d.ts') ? fileName : path.join(MODULES, path.relative(outDir, fileName));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  };
  const result = program.emit(undefined, writeFile, undefined, false, {
    after: [specifierTransformer],
    afterDeclarations: [specifierTransformer as ts.TransformerFactory<ts.SourceFile | ts.Bundle>], // no outFile: always a SourceFile
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (p) => p, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    process.exit(1);
  }
}

/** The package's entry points, relative to build/esm: every `exports` target and the `bin`, from package.json. */
export function entryPoints(pkg: { exports: Record<string, unknown>; bin: Record<string, string> }): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      const m = /^\.\/build\/(?:esm|cjs)\/(.+\.js)$/.exec(value);
      if (m) found.add(m[1]);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(pkg.exports);
  visit(pkg.bin);
  return [...found].sort();
}

/** The generated cdk8s classes (lib/imports/): leaf modules (they import only cdk8s and constructs), kept as files. */
const GENERATED = /^imports\/[^/]+\.js$/;
/** How a bundled file names a generated module until its relative path is known (esbuild prints external paths as given). */
const GENERATED_MARK = 'kafka-iac-generated:';

/** Every relative specifier (`from "./x.js"`, `import("./x.js")`, `require("./x.js")`) in an emitted file. */
function relativeSpecifiers(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s*)"(\.\.?\/[^"]+)"/gm)].map((m) => m[1]!);
}

/** The module that holds the targets' registry (`deferKubernetesTarget`), bundled as one more entry point. */
const TARGETS_MODULE = 'app/app-targets.js';

/**
 * The root entry point in CommonJS: the MSK side and what the targets share load with it, the
 * Kubernetes side (cdk8s, cdk8s-plus-27, the Strimzi classes: about 45 ms of CPU on Node 20) when
 * one of its exports is first read, or when `KafkaApp.chart()` first needs it (`deferKubernetesTarget`).
 * The README quick start `require('kafka-iac')` then loads what `require('kafka-iac/msk')` does.
 * Each export is a getter of the same value as in `kafka-iac/msk` or `kafka-iac/kubernetes`, in
 * esbuild's order (sorted), as esbuild's own conversion defines them. ES modules cannot load a
 * module synchronously on first use, so the ES root entry point loads both sides.
 */
export function lazyRootEntryPoint(root: readonly string[], msk: readonly string[], kubernetes: readonly string[]): string {
  const fromMsk = new Set(msk);
  const fromKubernetes = new Set(kubernetes);
  const missing = [...root].filter((name) => !fromMsk.has(name) && !fromKubernetes.has(name));
  const extra = [...fromMsk, ...fromKubernetes].filter((name) => !root.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`build: the root entry point must export what kafka-iac/msk and kafka-iac/kubernetes export; only in the root: ${missing.join(', ')}; only in msk or kubernetes: ${[...new Set(extra)].join(', ')}`);
  }
  const names = [...root].sort();
  return `"use strict";
// kafka-iac (CommonJS), written by scripts/build.ts: the MSK side loads with this entry point, the
// Kubernetes side on first use of one of its exports or of KafkaApp.chart().
const msk = require("./msk.js");
let kubernetes;
const loadKubernetes = () => (kubernetes ??= require("./kubernetes.js"));
require("./${TARGETS_MODULE}").deferKubernetesTarget(loadKubernetes);
const MSK = new Set(${JSON.stringify(names.filter((n) => fromMsk.has(n)))});
Object.defineProperty(exports, "__esModule", { value: true });
for (const name of ${JSON.stringify(names)}) {
  Object.defineProperty(exports, name, { enumerable: true, get: MSK.has(name) ? () => msk[name] : () => loadKubernetes()[name] });
}
`;
}

/**
 * Step 2: esbuild bundles tsc's modules into the entry points and their shared chunks
 * (build/esm), then converts each output file to CommonJS (build/cjs).
 */
async function bundle(): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // app/app-targets.js: not a package entry point; the CommonJS root entry point calls it (lazyRootEntryPoint).
  const entries = [...entryPoints(pkg), TARGETS_MODULE];
  const result = await esbuild.build({
    entryPoints: entries.map((e) => path.join(MODULES, e)),
    metafile: true,
    outbase: MODULES,
    outdir: path.join(OUT, 'esm'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Function and class names as in the sources when two modules' names meet in one chunk (stack traces, `.name`).
    keepNames: true,
    write: false,
    logLevel: 'warning',
    plugins: [{
      name: 'generated-classes-external',
      setup(build) {
        build.onResolve({ filter: /\/imports\/[^/]+\.js$/ }, (args) => {
          const relative = path.relative(MODULES, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
          return GENERATED.test(relative) ? { path: `${GENERATED_MARK}${relative}`, external: true } : undefined;
        });
      },
    }],
  });
  const esmOut = path.join(OUT, 'esm');
  const cjsOut = path.join(OUT, 'cjs');
  const exportsOf = (entry: string): string[] => {
    const output = Object.entries(result.metafile!.outputs).find(([file]) => path.resolve(file) === path.join(esmOut, entry));
    if (!output) throw new Error(`build: no output for ${entry}`);
    return output[1].exports;
  };
  const lazyRoot = lazyRootEntryPoint(exportsOf('index.js'), exportsOf('msk.js'), exportsOf('kubernetes.js'));
  const written: { relative: string; code: string }[] = [];
  for (const file of result.outputFiles) {
    const relative = path.relative(esmOut, file.path);
    const fromDir = path.posix.dirname(relative.split(path.sep).join('/'));
    const code = file.text.replaceAll(new RegExp(`"${GENERATED_MARK}([^"]+)"`, 'g'), (_, target: string) => {
      const rel = path.posix.relative(fromDir, target);
      return JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`);
    });
    written.push({ relative, code });
  }
  for (const relative of fs.readdirSync(path.join(MODULES, 'imports')).map((f) => `imports/${f}`).filter((f) => GENERATED.test(f))) {
    written.push({ relative, code: fs.readFileSync(path.join(MODULES, relative), 'utf8') });
  }
  for (const { relative, code } of written) {
    fs.mkdirSync(path.dirname(path.join(esmOut, relative)), { recursive: true });
    fs.writeFileSync(path.join(esmOut, relative), code);
    fs.mkdirSync(path.dirname(path.join(cjsOut, relative)), { recursive: true });
    // The CommonJS root is the lazy one (above), not a conversion of the ES root.
    if (relative === 'index.js') {
      fs.writeFileSync(path.join(cjsOut, relative), lazyRoot);
      continue;
    }
    // CommonJS has no `import.meta` (https://nodejs.org/api/esm.html#importmeta: "only available in
    // ES modules"); the file's own URL is `pathToFileURL(__filename)` there.
    const usesImportMeta = code.includes('import.meta.url');
    // Only the module syntax changes: the names the bundle step kept (`__name`) are in `code` already.
    const cjs = esbuild.transformSync(code, {
      format: 'cjs',
      platform: 'node',
      target: 'es2022',
      loader: 'js',
      ...(usesImportMeta ? {
        define: { 'import.meta.url': '__kafkaIacModuleUrl' },
        banner: 'const __kafkaIacModuleUrl = require("node:url").pathToFileURL(__filename).href;',
      } : {}),
    });
    fs.writeFileSync(path.join(cjsOut, relative), code.startsWith('#!') && !cjs.code.startsWith('#!') ? `${code.split('\n')[0]}\n${cjs.code}` : cjs.code);
  }
  // Every relative import of every emitted file names an emitted file (a generated module's path above, a chunk).
  for (const dir of [esmOut, cjsOut]) {
    for (const { relative } of written) {
      const file = path.join(dir, relative);
      for (const specifier of relativeSpecifiers(fs.readFileSync(file, 'utf8'))) {
        if (!fs.existsSync(path.resolve(path.dirname(file), specifier))) throw new Error(`build: ${path.relative(ROOT, file)} imports ${specifier}, which was not emitted`);
      }
    }
  }
}

if (process.argv[1] === import.meta.filename) {
  fs.rmSync(OUT, { recursive: true, force: true });
  const started = Date.now();
  compile();
  await bundle();
  copyDeclarations(path.join(OUT, 'esm'), path.join(OUT, 'cjs'));
  fs.rmSync(MODULES, { recursive: true, force: true });
  // Tells Node (and TypeScript's NodeNext resolution) how to read the .js and .d.ts files of each folder.
  // https://nodejs.org/api/packages.html#type ("Files ending with .js are loaded as ES modules when the nearest parent package.json file contains a top-level field "type" with a value of "module"")
  for (const format of ['esm', 'cjs'] as const) {
    fs.writeFileSync(path.join(OUT, format, 'package.json'), JSON.stringify({ type: format === 'esm' ? 'module' : 'commonjs' }) + '\n');
  }
  // stderr: `npm pack --json` runs this as prepack, and its stdout must stay JSON.
  console.error(`build/esm and build/cjs written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
