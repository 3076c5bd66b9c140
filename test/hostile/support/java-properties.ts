import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { TEST_OUT } from '../../support/paths';

/**
 * java.util.Properties itself, as the oracle of the properties tests: a ten-line program
 * compiled at test time (a JDK 17 is on the test machine). `load(texts)` returns, for each
 * text, what `Properties.load` of its ISO-8859-1 bytes holds (a malformed \u escape: the
 * string 'ERROR'), from one JVM for all the texts of a call.
 */
const SOURCE = `
import java.io.*; import java.nio.file.*; import java.util.*;
public class LoadProperties {
  public static void main(String[] args) throws Exception {
    for (String file : args) {
      Properties p = new Properties();
      StringBuilder out = new StringBuilder();
      try (InputStream in = Files.newInputStream(Paths.get(file))) {
        p.load(in);
        for (String k : new TreeSet<>(p.stringPropertyNames())) out.append(hex(k)).append(' ').append(hex(p.getProperty(k))).append('\\n');
      } catch (IllegalArgumentException e) { out = new StringBuilder("ERROR\\n"); }
      Files.write(Paths.get(file + ".out"), out.toString().getBytes("US-ASCII"));
    }
  }
  static String hex(String s) { StringBuilder b = new StringBuilder("h"); for (char c : s.toCharArray()) b.append(String.format("%04x", (int) c)); return b.toString(); }
}
`;

let compiled: string | undefined;

/**
 * The compiled program: javac runs once per source, JDK and machine, and its class file is kept
 * in .test-out/cache under a hash of the source and of the javac binary it came from (javac
 * alone costs about 3 s of CPU, more than every Properties.load of the tests together).
 */
function compile(): string {
  if (compiled) return compiled;
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'javac')).find((f) => fs.existsSync(f));
  if (!onPath) throw new Error('javac is not on PATH (the properties tests need a JDK 17)');
  const javac = fs.realpathSync(onPath);
  const key = createHash('sha256').update(SOURCE).update(`\0${javac}\0${fs.statSync(javac).mtimeMs}`).digest('hex').slice(0, 16);
  const dir = path.join(TEST_OUT, 'cache', 'java-properties', key);
  if (!fs.existsSync(path.join(dir, 'LoadProperties.class'))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(path.dirname(dir), 'tmp-'));
    fs.writeFileSync(path.join(tmp, 'LoadProperties.java'), SOURCE);
    execFileSync(javac, ['-d', tmp, path.join(tmp, 'LoadProperties.java')]);
    // Another worker may have compiled it meanwhile: either copy is the same program.
    try { fs.renameSync(tmp, dir); } catch { fs.rmSync(tmp, { recursive: true, force: true }); }
  }
  compiled = dir;
  return dir;
}

/** Java's reading of each text (as a sorted key → value record), or 'ERROR'. */
export function javaLoad(texts: readonly string[]): (Record<string, string> | 'ERROR')[] {
  const dir = compile();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-props-'));
  try {
    const files = texts.map((t, i) => {
      const f = path.join(work, `${i}.properties`);
      fs.writeFileSync(f, Buffer.from(t, 'latin1'));
      return f;
    });
    execFileSync('java', ['-cp', dir, 'LoadProperties', ...files]);
    return files.map((f) => {
      const out = fs.readFileSync(`${f}.out`, 'ascii');
      if (out.startsWith('ERROR')) return 'ERROR';
      const rec: Record<string, string> = {};
      for (const line of out.split('\n').filter((l) => l !== '')) {
        const [k, v] = line.split(' ');
        rec[unhex(k)] = unhex(v);
      }
      return rec;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function unhex(h: string): string {
  let s = '';
  for (let i = 1; i < h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return s;
}

/** A record with its keys sorted (Java's output order), for comparison. */
export function sorted(rec: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k];
  return out;
}
