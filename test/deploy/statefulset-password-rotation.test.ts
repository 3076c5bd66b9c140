import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledJava } from '../support/java';
import { ROOT } from '../support/paths';
import { temporaryFolder } from '../support/temporary-folders';

/*
 * docs/statefulset.md "Rotating a SCRAM password": the bash block changes a user's SCRAM password
 * with no password in any process's arguments or environment. Kafka facts it rests on
 * (apache/kafka core/src/main/scala/kafka/admin/ConfigCommand.scala):
 * - `--add-config-file`: "Path to a properties file with configs to add"; parseConfigsToBeAdded
 *   loads it with Utils.loadProps (clients/.../common/utils/Utils.java: java.util.Properties.load
 *   of an InputStream, so ISO-8859-1 and backslash escapes), without the bracket stripping that
 *   `--add-config` applies; config keys must match [a-zA-Z0-9._-]* (validatePropsKey); only one of
 *   --add-config and --add-config-file may be given.
 * - a SCRAM value must match `(?:iterations=(\-?[0-9]*),)?password=(.*)` with iterations at least
 *   the mechanism's minimum (4096 for SCRAM-SHA-512); with --bootstrap-server and --entity-type
 *   users it becomes an alterUserScramCredentials upsertion (alterUserScramCredentialConfigs).
 * - `--command-config`: "Property file containing configs to be passed to Admin Client", loaded
 *   with Utils.loadProps.
 * The stand-in for kafka-configs.sh below reads both files the same way (java.util.Properties from
 * an InputStream, the same patterns), and the whole run is traced with strace (execve with argv and
 * environment of every process, -f).
 */
const DOC = path.join(ROOT, 'docs', 'statefulset.md');

/** The ```bash block under `## Rotating a SCRAM password`. */
function rotationBlock(): string {
  const text = fs.readFileSync(DOC, 'utf8');
  const section = text.split('\n## Rotating a SCRAM password\n')[1]?.split('\n## ')[0];
  const block = section && /```bash\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error('docs/statefulset.md: no bash block under "## Rotating a SCRAM password"');
  return `${block}\n`;
}

const READ_AS_KAFKA = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

public class ReadAsKafka {
  static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Paths.get(file))) { p.load(in); }  // Utils.loadProps
    for (Object k : p.keySet()) if (!k.toString().matches("[a-zA-Z0-9._-]*")) throw new IllegalArgumentException("Invalid character found for config key: " + k);
    return p;
  }
  public static void main(String[] a) throws Exception {
    Properties add = load(a[0]);
    Matcher m = Pattern.compile("(?:iterations=(\\\\-?[0-9]*),)?password=(.*)").matcher(add.getProperty("SCRAM-SHA-512"));
    if (!m.matches()) throw new IllegalArgumentException("Invalid credential property SCRAM-SHA-512");
    int iterations = m.group(1) != null && !m.group(1).equals("-1") ? Integer.parseInt(m.group(1)) : 4096;
    if (iterations < 4096) throw new IllegalArgumentException("iterations below 4096");
    Properties admin = load(a[1]);
    Matcher j = Pattern.compile("org\\\\.apache\\\\.kafka\\\\.common\\\\.security\\\\.scram\\\\.ScramLoginModule required username=\\"([^\\"]*)\\" password=\\"([^\\"]*)\\";").matcher(admin.getProperty("sasl.jaas.config"));
    if (!j.matches()) throw new IllegalArgumentException("sasl.jaas.config does not parse");
    String out = add.size() + "\\n" + iterations + "\\n" + m.group(2) + "\\n" + j.group(1) + "\\n" + j.group(2) + "\\n" + admin.getProperty("security.protocol") + "\\n";
    Files.write(Paths.get(a[2]), out.getBytes(StandardCharsets.UTF_8));
  }
}
`;

interface Run { readonly status: number | null; readonly stderr: string; readonly trace: string; readonly args: string[]; readonly read?: string[]; readonly leftover: string[] }

/** Runs the documented block with the two passwords as mounted files, under strace. */
function rotate(work: string, adminPassword: string, newPassword: string): Run {
  fs.rmSync(work, { recursive: true, force: true });
  const etc = path.join(work, 'etc', 'kafka-iac');
  for (const [dir, value] of [['admin', adminPassword], ['rotate', newPassword], ['ca', '-----BEGIN CERTIFICATE-----\n']] as const) {
    fs.mkdirSync(path.join(etc, dir), { recursive: true });
    fs.writeFileSync(path.join(etc, dir, dir === 'ca' ? 'ca.crt' : 'password'), value);
  }
  const out = path.join(work, 'out');
  const tmp = path.join(work, 'tmp');
  fs.mkdirSync(out);
  fs.mkdirSync(tmp);
  // Compiled once per source (test/support/java.ts): `java ReadAsKafka.java` compiled it in
  // memory on every launch, about a second of CPU under strace.
  const classPath = compiledJava('ReadAsKafka', READ_AS_KAFKA);
  // The stand-in for kafka-configs.sh: records its arguments, checks the two files' mode, and
  // reads them as ConfigCommand does.
  const stub = path.join(work, 'kafka-configs.sh');
  fs.writeFileSync(stub, [
    '#!/bin/bash', 'set -eu',
    `printf '%s\\n' "$@" > ${JSON.stringify(path.join(out, 'args'))}`,
    'while [ $# -gt 0 ]; do case "$1" in --add-config-file) add="$2"; shift ;; --command-config) cfg="$2"; shift ;; esac; shift; done',
    `stat -c %a "$add" "$cfg" > ${JSON.stringify(path.join(out, 'modes'))}`,
    `java -cp ${JSON.stringify(classPath)} ReadAsKafka "$add" "$cfg" ${JSON.stringify(path.join(out, 'read'))}`,
    '',
  ].join('\n'), { mode: 0o755 });
  const script = rotationBlock().replaceAll('/etc/kafka-iac/', `${etc}/`).replace('/opt/kafka/bin/kafka-configs.sh', stub);
  fs.writeFileSync(path.join(work, 'rotate.sh'), script);
  const trace = path.join(work, 'trace');
  const r = spawnSync('strace', ['-f', '-v', '-s', '65536', '-e', 'trace=execve', '-o', trace, 'bash', path.join(work, 'rotate.sh')], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, TMPDIR: tmp },
  });
  const read = fs.existsSync(path.join(out, 'read')) ? fs.readFileSync(path.join(out, 'read'), 'utf8').split('\n') : undefined;
  return {
    status: r.status, stderr: r.stderr, trace: fs.readFileSync(trace, 'utf8'),
    args: fs.existsSync(path.join(out, 'args')) ? fs.readFileSync(path.join(out, 'args'), 'utf8').trim().split('\n') : [],
    ...(read ? { read } : {}),
    leftover: fs.readdirSync(tmp),
    ...(fs.existsSync(path.join(out, 'modes')) ? { modes: fs.readFileSync(path.join(out, 'modes'), 'utf8') } : {}),
  };
}

const tools = spawnSync('strace', ['-V']).status === 0 && spawnSync('java', ['-version']).status === 0;

describe('docs/statefulset.md: rotating a SCRAM password puts no password on a command line or in an environment', () => {
  const work = temporaryFolder('kafka-iac-rotation-');
  // Characters that break naive quoting, properties files or shell words: = : # ! space ' $ ` ( ) ; & | * ?
  const admin = "adm1n:pa=ss #!x'y";
  const fresh = "n3w pa$$w0rd=`ls`;(x)&|*?'#!:";

  it.skipIf(!tools)('hands Kafka the exact new password and the admin login through two 0600 files, with no password in any execve', () => {
    const r = rotate(path.join(work, 'ok'), admin, `${fresh}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // What ConfigCommand reads: one SCRAM config, 8192 iterations, the password as the Secret file holds it (less its final line break).
    expect(r.read).toEqual(['1', '8192', fresh, 'kafka-admin', admin, 'SASL_SSL', '']);
    expect((r as Run & { modes?: string }).modes).toBe('600\n600\n');
    // The flags, as ConfigCommand accepts them with --bootstrap-server.
    expect(r.args.filter((a) => a.startsWith('--'))).toEqual(['--bootstrap-server', '--command-config', '--alter', '--entity-type', '--entity-name', '--add-config-file']);
    expect(r.args).toContain('users');
    expect(r.args).not.toContain('--add-config');
    // Every process started (bash, cat, mktemp, the tool, java, rm), with its argv and environment.
    const execs = r.trace.split('\n').filter((l) => l.includes('execve('));
    expect(execs.length).toBeGreaterThanOrEqual(5);
    expect(execs.some((l) => l.includes('kafka-configs.sh'))).toBe(true);
    for (const secret of [admin, fresh, 'pa=ss', 'w0rd']) expect(r.trace, secret).not.toContain(secret);
    // The temporary directory with both files is gone.
    expect(r.leftover).toEqual([]);
  });

  it.skipIf(!tools)('refuses a password that Java properties or the JAAS value would change: a quote, a backslash, non-ASCII, a line break, or none', () => {
    for (const [i, bad] of ['with"quote', 'back\\slash', 'caf\u00e9', 'two\nlines', ''].entries()) {
      const r = rotate(path.join(work, `bad-${i}`), admin, bad);
      expect(r.status, JSON.stringify(bad)).toBe(1);
      expect(r.stderr).toContain('refusing');
      expect(r.args).toEqual([]);
    }
    // The admin's password is checked the same way.
    expect(rotate(path.join(work, 'bad-admin'), 'x"y', fresh).status).toBe(1);
  });
});
