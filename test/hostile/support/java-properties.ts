import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compiledJava } from '../../support/java';

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

function compile(): string {
  compiled ??= compiledJava('LoadProperties', SOURCE);
  return compiled;
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
