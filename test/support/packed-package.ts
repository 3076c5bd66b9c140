// The package as users get it: the tarball `npm pack` makes (its prepack runs `npm run build`),
// made once per content of what goes into it.
//
// `npm pack` costs 15 to 20 s of CPU (the build: two TypeScript programs over lib/, 38k lines of
// generated Strimzi classes among them). Its output depends only on the files hashed below:
// the build compiles lib/ with scripts/build.ts and the TypeScript and packages package-lock.json
// pins (it resolves import specifiers in node_modules); the tarball adds package.json, README.md,
// LICENSE and docs/ (package.json `files`). The tarball and npm's description of it
// (`npm pack --json`) are kept in .test-out/cache/packed/<SHA-256 of those files>/; a run whose
// inputs hash the same installs that tarball, any change to them packs again (a fresh clone
// always packs), as tsc's and eslint's caches in .test-out/cache already work for `npm test`.
import { spawnSync } from 'node:child_process';
import { contentDigest } from './content-digest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, TEST_OUT } from './paths';

/** What the tarball is made from: folders (every file under them) and files, relative to the root. */
const PACK_INPUTS = ['lib', 'docs', 'scripts/build.ts', 'package.json', 'package-lock.json', 'README.md', 'LICENSE'] as const;

const CACHE = path.join(TEST_OUT, 'cache', 'packed');

/** One packed tarball and the files it holds. */
export interface PackedPackage {
  /** The SHA-256 of the inputs it was packed from (packInputsKey). */
  readonly key: string;
  /** The .tgz, in the cache (copy it where a consumer project wants it). */
  readonly tarball: string;
  /** Every path in the tarball (without its `package/` prefix), as `npm pack --json` listed them. */
  readonly files: readonly string[];
}

/** SHA-256 of the Node version and of every input file's path and content. */
function packInputsKey(): string {
  return contentDigest(ROOT, PACK_INPUTS, `node ${process.version}`);
}

function readCached(dir: string, key: string): PackedPackage | undefined {
  const description = path.join(dir, 'pack.json');
  if (!fs.existsSync(description)) return undefined;
  const [packed] = JSON.parse(fs.readFileSync(description, 'utf8'));
  const tarball = path.join(dir, packed.filename);
  if (!fs.existsSync(tarball)) return undefined;
  return { key, tarball, files: packed.files.map((f: { path: string }) => f.path) };
}

/**
 * The packed package for the current sources: from the cache when it holds a tarball packed
 * from the same inputs, else `npm pack` now (which builds), kept for the next run.
 */
export function packedPackage(env: NodeJS.ProcessEnv = process.env): PackedPackage {
  const key = packInputsKey();
  const dir = path.join(CACHE, key);
  const cached = readCached(dir, key);
  if (cached) return cached;
  fs.mkdirSync(CACHE, { recursive: true });
  const staging = fs.mkdtempSync(path.join(CACHE, 'packing-'));
  // The build skips its own type check (KAFKA_IAC_BUILD_NO_CHECK): `npm test` type-checks lib/
  // under the repo's stricter tsconfig beside the tests; the output is byte-identical either way.
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', staging], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...env, KAFKA_IAC_BUILD_NO_CHECK: '1', npm_config_update_notifier: 'false' },
  });
  if (r.error || r.status !== 0) throw new Error(`npm pack exited ${r.status}: ${r.error?.message ?? ''}\n${r.stdout}\n${r.stderr}`);
  fs.writeFileSync(path.join(staging, 'pack.json'), r.stdout);
  // A source edited while npm packed: this tarball is not of `key`'s inputs; use it (under a key of its own), cache nothing.
  if (packInputsKey() !== key) return readCached(staging, path.basename(staging))!;
  // Older tarballs are of sources that have changed since: keep only this one.
  for (const old of fs.readdirSync(CACHE)) {
    if (path.join(CACHE, old) !== staging) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
  fs.renameSync(staging, dir);
  return readCached(dir, key)!;
}
