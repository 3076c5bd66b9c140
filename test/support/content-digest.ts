import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A SHA-256 of `seed` and of the relative path and content of every file (and the target of every
 * link, which is not followed) under each of `entries` of `root`, in sorted order: the key of a
 * cache whose inputs are a tree of files (the packed tarball's inputs, an installed package).
 */
export function contentDigest(root: string, entries: readonly string[], seed = ''): string {
  const hash = createHash('sha256').update(`${seed}\0`);
  const add = (rel: string): void => {
    const full = path.join(root, rel);
    const stat = fs.lstatSync(full);
    if (stat.isDirectory()) for (const name of fs.readdirSync(full).sort()) add(path.join(rel, name));
    else if (stat.isSymbolicLink()) hash.update(`link ${rel}\0${fs.readlinkSync(full)}\0`);
    else if (stat.isFile()) hash.update(`file ${rel}\0`).update(fs.readFileSync(full)).update('\0');
  };
  for (const entry of entries) add(entry);
  return hash.digest('hex');
}
