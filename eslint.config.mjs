// ESLint (flat config): the recommended JavaScript and TypeScript rules without type information
// (fast: no program is built), and the architecture as import restrictions:
//   - each layer of lib/ imports only the layers below it (test/project/architecture-layers.json,
//     the map test/project/architecture.test.ts checks too);
//   - the model and the rules import no construct library;
//   - nothing imports @cdktf/provider-aws from its root (seconds of load time): import a
//     submodule such as @cdktf/provider-aws/lib/msk-cluster.
// Run by `npm run lint` and by the test command (scripts/test.sh).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const LAYERS = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/project/architecture-layers.json'), 'utf8'));

const PROVIDER_ROOT = {
  regex: '^@cdktf/provider-aws(/lib)?/?$',
  message: 'Import a submodule such as @cdktf/provider-aws/lib/msk-cluster: the package root loads every AWS resource (seconds, hundreds of MB).',
};
const CONSTRUCT_LIBRARIES = {
  regex: '^(constructs|cdktf|cdk8s|cdk8s-plus-27|@cdktf/.*)$',
  message: 'The model and the rules stay free of construct libraries (cdktf is archived upstream); read synthesized documents instead.',
};

/** The patterns of .gitignore as ESLint ignores: `dist/` ignores a `dist` folder anywhere. */
function gitIgnored() {
  return fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'))
    .map((l) => (l.startsWith('/') ? l.slice(1) : `**/${l}`));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex for the relative imports, written in a file of directory `dir` (under lib/), that
 * resolve into the layer folder `layer` (such as `rules` or `targets/strimzi`).
 */
function importsInto(dir, layer) {
  const from = dir.split('/');
  const to = layer.split('/');
  const ways = [];
  for (let up = 1; up <= from.length; up++) {
    const base = from.slice(0, from.length - up);
    if (base.length > to.length || base.some((c, i) => c !== to[i])) continue;
    ways.push(`${'\\.\\./'.repeat(up)}${to.slice(base.length).map(escape).join('/')}`);
  }
  return `^(${ways.join('|')})(/|$)`;
}

/** The layer of a directory under lib/: `model`, `targets/msk`, ... */
const layerOf = (dir) => (dir.startsWith('targets/') ? dir.split('/').slice(0, 2).join('/') : dir.split('/')[0]);

/** The directories of lib/ that hold TypeScript files, except generated code. */
function libDirs(dir = 'lib', out = []) {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== 'imports') {
      const sub = `${dir}/${e.name}`;
      if (fs.readdirSync(path.join(ROOT, sub)).some((n) => n.endsWith('.ts'))) out.push(sub);
      libDirs(sub, out);
    }
  }
  return out;
}

const layerNames = Object.keys(LAYERS.allowed);
const constructFree = new Set(LAYERS.constructFree.layers);

/** One block per directory of lib/: the layers it may not import, and the package bans. */
const layerBlocks = libDirs().map((full) => {
  const dir = full.slice('lib/'.length);
  const layer = layerOf(dir);
  const allowed = LAYERS.allowed[layer];
  if (!allowed) throw new Error(`eslint.config.mjs: ${full} is in no layer of test/project/architecture-layers.json`);
  const forbidden = [...layerNames, 'imports'].filter((l) => l !== layer && !allowed.includes(l));
  const patterns = [
    PROVIDER_ROOT,
    ...forbidden.map((l) => ({ regex: importsInto(dir, l), message: `${layer} may import only ${allowed.join(', ') || 'nothing of ours'} (test/project/architecture-layers.json); ${l} is not one of them.` })),
    ...(constructFree.has(layer) ? [CONSTRUCT_LIBRARIES] : []),
  ];
  return {
    files: [`${full}/*.ts`],
    ignores: LAYERS.constructFree.except,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

/** The files of the construct-free layers that may use constructs keep the layer restrictions. */
const exceptionBlocks = LAYERS.constructFree.except.map((file) => {
  const block = layerBlocks.find((b) => b.files[0] === `${path.posix.dirname(file)}/*.ts`);
  return {
    files: [file],
    rules: { 'no-restricted-imports': ['error', { patterns: block.rules['no-restricted-imports'][1].patterns.filter((p) => p !== CONSTRUCT_LIBRARIES) }] },
  };
});

export default tseslint.config(
  // What git ignores (outputs, reports, the API reference), and the code cdk8s import generates.
  { ignores: [...gitIgnored(), 'lib/imports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', structuredClone: 'readonly', performance: 'readonly', __dirname: 'readonly' } },
    rules: {
      // Rules read synthesized documents as plain JSON; `any` is how they walk them.
      '@typescript-eslint/no-explicit-any': 'off',
      // A leading underscore marks a parameter or binding that is deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { patterns: [PROVIDER_ROOT] }],
    },
  },
  ...layerBlocks,
  ...exceptionBlocks,
  {
    // vitest.config.ts aliases 'typescript' to test/support/typescript-require.ts, which loads the
    // compiler with require and exports it as the default: a namespace, named or dynamic import of
    // a value from 'typescript' would type-check (tsc ignores the alias) and be undefined at run time.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "ImportDeclaration[source.value='typescript'][importKind='value'] > ImportNamespaceSpecifier", message: "Import the compiler as `import ts from 'typescript'` (vitest.config.ts aliases it to test/support/typescript-require.ts, which exports only a default)." },
        { selector: "ImportDeclaration[source.value='typescript'][importKind='value'] > ImportSpecifier[importKind='value']", message: "Import the compiler as `import ts from 'typescript'` and use `ts.X` (the alias exports only a default)." },
        { selector: "ImportExpression[source.value='typescript']", message: "Import the compiler as `import ts from 'typescript'` (the alias exports only a default)." },
      ],
    },
  },
);
