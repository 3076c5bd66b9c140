import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { TEST_OUT } from './paths';

/**
 * The class path of a Java program of one source file, compiled by javac once per source, JDK
 * and machine: the class files are kept in .test-out/cache/java under a hash of the source, the
 * class name and the javac binary (its real path and modification time). javac, or `java
 * File.java` (which compiles in memory on every launch), costs seconds of CPU; a JVM that loads
 * a compiled class starts in a fraction of that.
 */
export function compiledJava(className: string, source: string): string {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'javac')).find((f) => fs.existsSync(f));
  if (!onPath) throw new Error('javac is not on PATH (the tests need a JDK 17)');
  const javac = fs.realpathSync(onPath);
  const key = createHash('sha256').update(`${className}\0${source}\0${javac}\0${fs.statSync(javac).mtimeMs}`).digest('hex').slice(0, 16);
  const dir = path.join(TEST_OUT, 'cache', 'java', `${className}-${key}`);
  if (!fs.existsSync(path.join(dir, `${className}.class`))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(path.dirname(dir), 'tmp-'));
    fs.writeFileSync(path.join(tmp, `${className}.java`), source);
    execFileSync(javac, ['-d', tmp, path.join(tmp, `${className}.java`)]);
    // Another worker may have compiled the same source meanwhile: either copy is the same program.
    try { fs.renameSync(tmp, dir); } catch { fs.rmSync(tmp, { recursive: true, force: true }); }
  }
  return dir;
}
