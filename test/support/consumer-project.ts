// The folder of the consumer tests' projects (test/consumers/consumers.test.ts): outside this
// repository, so nothing resolves from its node_modules, and kept from one run to the next like a
// user's project. Its node_modules and package-lock.json stay: npm's own tree, which the next
// `npm install` brings to the new package.json (kafka-iac from the new tarball, constructs back
// at the tested version). Against a fresh install of the 500 MB tree (the AWS provider is 360 MB)
// that saves 7 to 17 s of CPU per run (fresh: 9.5 s on a quiet machine, 15 to 20 s on a busy one,
// most of it system time writing files; kept: 2.8 s with a new tarball).
//
// What goes before each run: the projects, the old tarball, kafka-iac itself (npm extracts it from
// the tarball every run), npm's record of the tree (node_modules/.package-lock.json: npm reads the
// tree from disk instead), and everything when the last `npm install` there did not finish.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './paths';
import { processExists } from './processes';

/** Written when an `npm install` in the folder finished; absent while one runs. */
const INSTALLED = '.installed';

/** What the folder keeps between runs. */
const KEPT = ['node_modules', 'package-lock.json', INSTALLED];

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
 * The kept folder of this checkout, emptied of the last run's projects and package; a fresh
 * temporary folder instead while another run (of the same checkout) uses the kept one.
 */
export function consumerProject(): ConsumerProject {
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
  for (const entry of ['kafka-iac', '.package-lock.json']) fs.rmSync(path.join(dir, 'node_modules', entry), { recursive: true, force: true });
  return { dir, release: () => fs.rmSync(`${dir}.lock`, { force: true }) };
}

/** Runs `install` (an `npm install` in `dir`); the folder counts as installed again only when it returns. */
export function whileInstalling<T>(dir: string, install: () => T): T {
  fs.rmSync(path.join(dir, INSTALLED), { force: true });
  const result = install();
  fs.writeFileSync(path.join(dir, INSTALLED), '');
  return result;
}
