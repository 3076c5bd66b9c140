import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleDist } from '../support/paths';
import { find, statefulSetChart, synth } from '../support/statefulset-fixture';

/*
 * Upstream facts this file pins:
 * - apache/kafka bin/kafka-storage.sh is `exec kafka-run-class.sh kafka.tools.StorageTool "$@"`, and
 *   `format` takes SCRAM credentials only as `--add-scram 'SCRAM-SHA-512=[name=..,password=..]'`
 *   arguments (KIP-900). bin/kafka-run-class.sh ends in `exec "$JAVA" <options> -cp "$CLASSPATH"
 *   $KAFKA_OPTS "$@"`, so `@<file>` reaches the java launcher, which (JDK 9+, "java command-line
 *   argument files") expands it, main class and arguments included, before main runs.
 * - danielqsj/kafka_exporter parses its flags with alecthomas/kingpin v2 (`kingpin.Parse()`), whose
 *   ParseContext.Next expands an `@file` argument into one argument per line (`ExpandArgsFromFile`,
 *   `EnableFileExpansion = true`); the image is `FROM quay.io/prometheus/busybox` (Dockerfile).
 * - Anything in a process's argv is readable by every process of the node in /proc/<pid>/cmdline;
 *   environment variables of a container are in its pod spec and in /proc/<pid>/environ.
 */

const EXAMPLES = fs.readdirSync(path.dirname(exampleDist('development')))
  .filter((env) => fs.readdirSync(exampleDist(env)).some((f) => f.endsWith('.k8s.yaml')));

function manifests(env: string): Record<string, any>[] {
  const dir = exampleDist(env);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml'))
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()))
    .filter((o) => o);
}

function containersOf(o: Record<string, any>): { where: string; container: Record<string, any> }[] {
  const spec = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
  if (!spec) return [];
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
    .map((container: Record<string, any>) => ({ where: `${o.kind}/${o.metadata.name}/${container.name}`, container }));
}

describe('SCRAM passwords are in no command line and no environment variable', () => {
  it('lists the example environments with Kubernetes manifests', () => {
    expect(EXAMPLES).toContain('development');
  });

  it.each(EXAMPLES)('%s: no container takes a password from a Secret through env, or names one in args/command', (env) => {
    const found: string[] = [];
    for (const o of manifests(env)) {
      for (const { where, container } of containersOf(o)) {
        for (const e of container.env ?? []) {
          if (e.valueFrom?.secretKeyRef && /password/i.test(`${e.name} ${e.valueFrom.secretKeyRef.key}`)) found.push(`${where} env ${e.name}`);
        }
        for (const word of [...(container.command ?? []), ...(container.args ?? [])]) {
          // A flag word that carries the value, or a Kubernetes `$(VAR)` / shell expansion of a password variable.
          if (/^--sasl\.password|^--add-scram|\$\(\w*PASSWORD\w*\)|\$\{?SCRAM_\w*PASSWORD/.test(String(word))) found.push(`${where} argument ${JSON.stringify(word).slice(0, 80)}`);
        }
      }
      // Scripts shipped in ConfigMaps (the node start scripts) never put --add-scram on kafka-storage.sh's command line.
      for (const [key, text] of Object.entries((o.kind === 'ConfigMap' ? o.data : undefined) ?? {})) {
        if (/kafka-storage\.sh[^\n]*--add-scram/.test(String(text))) found.push(`ConfigMap/${o.metadata.name} ${key}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the controllers format storage with --add-scram read from Secret files', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-scram-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const objects = synth(statefulSetChart().chart);
  const controllers = find(objects, 'StatefulSet', 'orders-controller');
  const script: string = find(objects, 'ConfigMap', 'orders-controller-config').data['start.sh'];

  it('mounts the passwords as files and runs the storage tool through a Java argument file', () => {
    const kafka = controllers.spec.template.spec.containers[0];
    expect((kafka.env as any[]).filter((e) => e.valueFrom?.secretKeyRef)).toEqual([]);
    expect(script).not.toMatch(/kafka-storage\.sh format[^\n]*--add-scram/);
    expect(script).toContain('/opt/kafka/bin/kafka-run-class.sh "@$argfile"');
    expect(script).toContain('password="$(cat /etc/kafka-iac/secrets/scram-users/0)"');
  });

  const java = spawnSync('java', ['-version']).status === 0;
  it.skipIf(!java)('gives the storage tool each password as one --add-scram argument while its argv holds only the file', () => {
    // Passwords with the characters that break quoting: the java launcher must read them back exactly.
    const passwords = ['p#w d\\x"y$z\'q`', 'plain-secret', '$(touch pwned)'];
    const dirs = { config: path.join(work, 'config'), run: path.join(work, 'run'), scram: path.join(work, 'scram'), bin: path.join(work, 'bin') };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    passwords.forEach((p, i) => fs.writeFileSync(path.join(dirs.scram, String(i)), `${p}\n`));
    fs.writeFileSync(path.join(dirs.config, 'controller.properties'), 'process.roles=controller\n');
    fs.writeFileSync(path.join(work, 'PrintArgs.java'),
      'public class PrintArgs { public static void main(String[] a) { for (String s : a) System.out.print(s + "\\u0000"); } }\n');
    // A stand-in for kafka-run-class.sh: records its own argv, then lets the real java launcher
    // expand the argument file (the main class swapped for a source file that prints its arguments).
    fs.writeFileSync(path.join(dirs.bin, 'kafka-run-class.sh'), [
      '#!/bin/bash',
      `printf '%s\\0' "$@" > ${JSON.stringify(path.join(work, 'argv'))}`,
      'file="${1#@}"',
      `sed '1s|.*|"${path.join(work, 'PrintArgs.java')}"|' "$file" > ${JSON.stringify(path.join(work, 'expanded.args'))}`,
      `stat -c %a "$file" > ${JSON.stringify(path.join(work, 'mode'))}`,
      `java @${JSON.stringify(path.join(work, 'expanded.args')).slice(1, -1)} > ${JSON.stringify(path.join(work, 'storage-tool-args'))}`,
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dirs.bin, 'kafka-server-start.sh'), '#!/bin/bash\nexit 0\n');
    for (const f of fs.readdirSync(dirs.bin)) fs.chmodSync(path.join(dirs.bin, f), 0o755);
    const local = script
      .replaceAll('/etc/kafka-iac/secrets/scram-users', dirs.scram)
      .replaceAll('/etc/kafka-iac/config', dirs.config)
      .replaceAll('/var/run/kafka-iac', dirs.run)
      .replaceAll('/opt/kafka/bin', dirs.bin);
    fs.writeFileSync(path.join(work, 'start.sh'), local);
    execFileSync('bash', [path.join(work, 'start.sh')], {
      cwd: work, env: { PATH: process.env.PATH, HOSTNAME: 'orders-controller-0', NODE_ID_OFFSET: '0', CLUSTER_ID: 'abc' }, stdio: 'pipe',
    });
    const argv = fs.readFileSync(path.join(work, 'argv'), 'utf8').split('\0').filter((w) => w !== '');
    expect(argv).toEqual([`@${dirs.run}/kafka-storage.args`]);
    expect(fs.readFileSync(path.join(work, 'mode'), 'utf8').trim()).toBe('600');
    const args = fs.readFileSync(path.join(work, 'storage-tool-args'), 'utf8').split('\0').slice(0, -1);
    expect(args).toEqual([
      'format', '--ignore-formatted', '--cluster-id', 'abc', '--config', `${dirs.run}/server.properties`,
      '--add-scram', `SCRAM-SHA-512=[name=orders-broker,password=${passwords[0]}]`,
      '--add-scram', `SCRAM-SHA-512=[name=orders-kafka-exporter,password=${passwords[1]}]`,
      '--add-scram', `SCRAM-SHA-512=[name=platform-admin,password=${passwords[2]}]`,
    ]);
    // The argument file is gone once the storage is formatted, and nothing was evaluated.
    expect(fs.existsSync(path.join(dirs.run, 'kafka-storage.args'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'pwned'))).toBe(false);
  });

  it('refuses a password with a line break, which an argument file cannot carry', () => {
    const dirs = { run: path.join(work, 'run2'), scram: path.join(work, 'scram2'), config: path.join(work, 'config') };
    for (const d of [dirs.run, dirs.scram]) fs.mkdirSync(d, { recursive: true });
    for (const i of [0, 1, 2]) fs.writeFileSync(path.join(dirs.scram, String(i)), i === 1 ? 'a\nb' : 'x');
    const local = script.replaceAll('/etc/kafka-iac/secrets/scram-users', dirs.scram).replaceAll('/var/run/kafka-iac', dirs.run)
      .replaceAll('/etc/kafka-iac/config', dirs.config).replaceAll('/opt/kafka/bin', path.join(work, 'nonexistent'));
    const run = spawnSync('bash', ['-c', local], { env: { PATH: process.env.PATH, HOSTNAME: 'c-0', NODE_ID_OFFSET: '0', CLUSTER_ID: 'abc' } });
    expect(run.status).not.toBe(0);
    expect(String(run.stderr)).toContain('password holds a line break');
    expect(fs.existsSync(path.join(dirs.run, 'kafka-storage.args'))).toBe(false);
  });
});

describe('Kafka Exporter reads its SASL password from a flag file', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-exporter-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const exporter = find(synth(statefulSetChart().chart), 'Deployment', 'orders-kafka-exporter').spec.template.spec;
  const container = exporter.containers[0];

  it('starts kafka_exporter with @<flag file> and the password only in that file', () => {
    expect(container.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(container.env ?? []).toEqual([]);
    const bin = path.join(work, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.mkdirSync(path.join(work, 'run'));
    fs.writeFileSync(path.join(work, 'password'), 'ex p$w"d\n');
    fs.writeFileSync(path.join(bin, 'kafka_exporter'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(path.join(work, 'argv'))}\n`);
    fs.chmodSync(path.join(bin, 'kafka_exporter'), 0o755);
    const entry = String(container.command[2]).replaceAll('/etc/kafka-exporter/sasl', work)
      .replaceAll('/var/run/kafka-exporter', path.join(work, 'run')).replaceAll('/bin/kafka_exporter', path.join(bin, 'kafka_exporter'));
    // POSIX sh (the image's busybox ash), with the container's own arguments.
    execFileSync('sh', ['-c', entry, 'kafka_exporter', ...container.args], { env: { PATH: process.env.PATH }, stdio: 'pipe' });
    const argv = fs.readFileSync(path.join(work, 'argv'), 'utf8').trimEnd().split('\n');
    expect(argv[0]).toBe(`@${path.join(work, 'run')}/sasl-password.args`);
    expect(argv.slice(1)).toEqual(container.args);
    expect(argv.join('\n')).not.toContain('ex p$w"d');
    // kingpin's ExpandArgsFromFile: one argument per line.
    expect(fs.readFileSync(path.join(work, 'run', 'sasl-password.args'), 'utf8')).toBe('--sasl.password=ex p$w"d\n');
    expect((fs.statSync(path.join(work, 'run', 'sasl-password.args')).mode & 0o777).toString(8)).toBe('600');
  });
});
