// The folder of the consumer tests' projects (test/consumers/consumers.test.ts): outside this
// repository, so nothing resolves from its node_modules, and kept from one run to the next like a
// user's project. Its node_modules and package-lock.json stay: npm's own tree, which the next
// `npm install` brings to the new package.json (kafka-iac from the new tarball, constructs back
// at the tested version). Against a fresh install of the 500 MB tree (the AWS provider is 360 MB)
// that saves 7 to 17 s of CPU per run (fresh: 9.5 s on a quiet machine, 15 to 20 s on a busy one,
// most of it system time writing files; kept: 2.8 s with a new tarball).
//
// What goes before each run: the projects, the old tarball, and everything when the last
// `npm install` there did not finish. kafka-iac itself (and npm's record of the tree,
// node_modules/.package-lock.json, so that npm reads the tree from disk) goes unless it is, file
// for file, what npm extracted from the same tarball in an earlier run: the install records the
// tarball's key and a digest of every installed file (recordInstalledPackage), and a run whose
// tarball has that key and whose node_modules/kafka-iac has that digest keeps it. `npm install`
// still runs and finds it in place (about 1 s of CPU instead of 3 to 4 s extracting its 958 files).
import { createHash } from 'node:crypto';
import { contentDigest } from './content-digest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './paths';
import { processExists } from './processes';

/** Written when an `npm install` in the folder finished; absent while one runs. */
const INSTALLED = '.installed';

/** Written after an install: the key of the tarball node_modules/kafka-iac came from and the digest of its files. */
const PACKAGE_RECORD = '.kafka-iac-package.json';

/** What the folder keeps between runs. */
const KEPT = ['node_modules', 'package-lock.json', INSTALLED, PACKAGE_RECORD];

/** Claims `dir` for this process (`<dir>.lock` holds its id); false while another live process holds it. */
function claim(dir: string): boolean {
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // A lock whose content is not a pid counts as held: it is never taken over.
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    if (!Number.isInteger(holder) || holder <= 0 || processExists(holder)) return false;
    fs.rmSync(lock, { force: true });
  }
}

/** A consumer project folder and how to give it back. */
export interface ConsumerProject {
  readonly dir: string;
  /** Releases the folder (a fresh one, used while another run held the kept one, is removed). */
  release(): void;
}

/**
 * The kept folder of this checkout, emptied of the last run's projects, and of its package unless
 * that is the unchanged install of the tarball `packageKey`; a fresh temporary folder instead
 * while another run (of the same checkout) uses the kept one.
 */
export function consumerProject(packageKey: string): ConsumerProject {
  const dir = path.join(os.tmpdir(), `kafka-iac-consumers-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
  if (!claim(dir)) {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-consumers-'));
    return { dir: fresh, release: () => fs.rmSync(fresh, { recursive: true, force: true }) };
  }
  if (!fs.existsSync(path.join(dir, INSTALLED))) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(dir)) {
    if (!KEPT.includes(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  if (!installedPackageIs(dir, packageKey)) {
    for (const entry of ['kafka-iac', '.package-lock.json']) fs.rmSync(path.join(dir, 'node_modules', entry), { recursive: true, force: true });
  }
  fs.rmSync(path.join(dir, PACKAGE_RECORD), { force: true });
  return { dir, release: () => fs.rmSync(`${dir}.lock`, { force: true }) };
}

/** SHA-256 over the relative path and content of every file (and link target) under `dir`. */
const treeDigest = (dir: string): string => contentDigest(dir, ['']);

const installedPackage = (dir: string) => path.join(dir, 'node_modules', 'kafka-iac');

/** Whether node_modules/kafka-iac is, file for file, what the install of the tarball `key` recorded. */
function installedPackageIs(dir: string, key: string): boolean {
  try {
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, PACKAGE_RECORD), 'utf8'));
    return recorded.key === key && recorded.digest === treeDigest(installedPackage(dir));
  } catch {
    return false; // no record, or no package
  }
}

/** Records that node_modules/kafka-iac, as it is now, is npm's install of the tarball `key` (call after checking it). */
export function recordInstalledPackage(dir: string, key: string): void {
  fs.writeFileSync(path.join(dir, PACKAGE_RECORD), JSON.stringify({ key, digest: treeDigest(installedPackage(dir)) }));
}

/** Runs `install` (an `npm install` in `dir`); the folder counts as installed again only when it returns. */
export function whileInstalling<T>(dir: string, install: () => T): T {
  fs.rmSync(path.join(dir, INSTALLED), { force: true });
  const result = install();
  fs.writeFileSync(path.join(dir, INSTALLED), '');
  return result;
}
