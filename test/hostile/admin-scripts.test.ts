import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aclArguments, parseAclLines, parseTopicLines } from '../../lib/contract/admin-command-lines';
import { decodeArgumentLine, encodeArgumentLine, shellQuote } from '../../lib/contract/writers/shell';
import { AclOperation, AclResource } from '../../lib/model/access/acl';
import { AccessModel } from '../../lib/model/access/access-model';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { chart, productionEnv, scram } from '../support/access-fixtures';
import { mskStack } from '../support/msk-stack';
import { INJECTION_PAYLOADS } from './payloads';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-hostile-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * A stub admin tool: appends its name and argv to `$STUB_LOG` as one record per call, so the test
 * sees exactly the arguments the script passed. A bash script (the admin scripts are bash
 * already; a node stub cost one node start-up, ~0.1 s of CPU, per call): the record is the
 * argument count, the tool's name and each argument, every one ended by a NUL byte, the one byte
 * an argument cannot hold.
 */
function stubTool(dir: string, name: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/usr/bin/env bash\nprintf '%s\\0' "$#" ${shellQuote(name)} "$@" >> "$STUB_LOG"\n`);
  fs.chmodSync(file, 0o755);
}

function calls(log: string): string[][] {
  if (!fs.existsSync(log)) return [];
  const words = fs.readFileSync(log, 'utf8').split('\0');
  expect(words.pop()).toBe(''); // every word ends in NUL
  const out: string[][] = [];
  for (let i = 0; i < words.length;) {
    const argc = Number(words[i]);
    expect(Number.isInteger(argc) && i + 2 + argc <= words.length, `a whole stub record at word ${i}`).toBe(true);
    out.push(words.slice(i + 1, i + 2 + argc));
    i += 2 + argc;
  }
  return out;
}

/** A model whose names hold every payload (where the model accepts them: transactional ids and hand-made resources). */
function hostileModel(environment = productionEnv()): AccessModel {
  const access = new AccessModel({ environment });
  const orders = access.addTopic('orders', { partitions: 3 });
  const checkout = access.addPrincipal('checkout', { authentication: scram() });
  INJECTION_PAYLOADS.forEach((p, i) => orders.grantProduce(checkout, { transactionalId: `${p}-${i}` }));
  access.addAdmin('kafka-admin', { authentication: scram() });
  return access;
}

describe('shell writer', () => {
  it('encodes every payload as one argument that decodes back to itself', () => {
    for (const p of [...INJECTION_PAYLOADS, '', ' lead', 'trail ']) {
      expect(decodeArgumentLine(encodeArgumentLine(['--x', p]))).toEqual(['--x', p]);
    }
  });

  it('bash reads each encoded line into exactly the arguments written (read -r -a, printf %b)', () => {
    const args = ['--add', ...INJECTION_PAYLOADS, ''];
    const script = `set -euo pipefail; read -r -a words < "$1"; for w in "\${words[@]}"; do printf -v a '%b' "$w"; printf '%s\\0' "$a"; done`;
    const file = path.join(work, 'line.txt');
    fs.writeFileSync(file, encodeArgumentLine(args) + '\n');
    const out = execFileSync('bash', ['-c', script, 'bash', file]).toString('utf8');
    expect(out.split('\0').slice(0, -1)).toEqual(args);
  });

  it('single-quotes a value so bash sees it literally', () => {
    for (const p of INJECTION_PAYLOADS) {
      const out = execFileSync('bash', ['-c', `set -euo pipefail; v=${shellQuote(p)}; printf '%s' "$v"`], { cwd: work }).toString('utf8');
      expect(out).toBe(p);
    }
    expect(fs.existsSync(path.join(work, 'pwned'))).toBe(false);
  });
});

describe('admin scripts never word-split names (issue #13: ACL escalation)', () => {
  it('StatefulSet apply.sh passes each transactional id as one argument, as SEC-005 reads it', () => {
    const environment = productionEnv();
    const c = chart(environment);
    const bin = path.join(work, 'sts bin $(touch pwned)');
    const job = new StatefulSetAccessJob(c, 'Access', {
      model: hostileModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'b:9093', kafkaBinPath: bin,
    });
    const data = (job.configMap.toJson() as any).data as Record<string, string>;
    const dir = path.join(work, 'sts');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ['acls.txt', 'topics.txt']) fs.writeFileSync(path.join(dir, f), data[f]);
    // The script's fixed mount paths point into the temporary folder.
    fs.writeFileSync(path.join(dir, 'password'), 'pw\n');
    const script = data['apply.sh'].replaceAll('/etc/kafka-iac/access', dir).replaceAll('/tmp/admin.properties', path.join(dir, 'admin.properties'))
      .replaceAll('/etc/kafka-iac/admin/password', path.join(dir, 'password'));
    fs.writeFileSync(path.join(dir, 'apply.sh'), script);
    stubTool(bin, 'kafka-acls.sh');
    stubTool(bin, 'kafka-topics.sh');
    const log = path.join(dir, 'calls.log');
    execFileSync('bash', [path.join(dir, 'apply.sh')], {
      cwd: work, env: { PATH: process.env.PATH, STUB_LOG: log, BOOTSTRAP_SERVERS: 'b:9093', ADMIN_USER: 'kafka-admin' },
    });
    const received = calls(log).filter((c) => c[0] === 'kafka-acls.sh').map((c) => c.slice(5));
    const txIds = received.filter((argv) => argv[2] === 'User:checkout' && argv.includes('--transactional-id'))
      .map((argv) => argv[argv.indexOf('--transactional-id') + 1]);
    expect(txIds).toEqual(INJECTION_PAYLOADS.map((p, i) => `${p}-${i}`));
    // Exactly the calls the model declares, argument for argument.
    const expected = hostileModel().principals.flatMap((p) => p.acls.map((e) => aclArguments(p.kafkaPrincipal, e)));
    expect(received).toEqual(expected);
    // SEC-005 reads the same names.
    expect(parseAclLines(data['acls.txt']).acls.filter((a) => a.principal === 'User:checkout' && a.resourceType === 'transactionalId').map((a) => a.name)).toEqual(txIds);
    expect(fs.existsSync(path.join(work, 'pwned'))).toBe(false);
  });

  it('MSK apply.sh passes each name as one argument and runs no substituted command', () => {
    const { stack, environment, cluster } = mskStack();
    new MskAccess(stack, 'Access', { model: hostileModel(environment), cluster });
    const dir = path.join(work, 'msk');
    fs.mkdirSync(dir, { recursive: true });
    for (const [rel, render] of environment.outputFiles) {
      if (!rel.startsWith('kafka-admin/')) continue;
      fs.writeFileSync(path.join(dir, path.basename(rel)), render());
    }
    const home = path.join(work, 'kafka home');
    stubTool(path.join(home, 'bin'), 'kafka-acls.sh');
    stubTool(path.join(home, 'bin'), 'kafka-topics.sh');
    const tools = path.join(work, 'tools');
    fs.mkdirSync(tools, { recursive: true });
    fs.writeFileSync(path.join(tools, 'aws'), '#!/bin/sh\necho \'{"password":"pw"}\'\n');
    fs.writeFileSync(path.join(tools, 'jq'), '#!/bin/sh\necho pw\n');
    fs.chmodSync(path.join(tools, 'aws'), 0o755);
    fs.chmodSync(path.join(tools, 'jq'), 0o755);
    const log = path.join(dir, 'calls.log');
    execFileSync('bash', [path.join(dir, 'apply.sh')], {
      cwd: work, env: { PATH: `${tools}:${process.env.PATH}`, STUB_LOG: log, KAFKA_HOME: home, BOOTSTRAP_SERVERS: 'b:9098' },
    });
    const acls = calls(log).filter((c) => c[0] === 'kafka-acls.sh').map((c) => c.slice(5));
    expect(acls.filter((a) => a[2] === 'User:checkout' && a.includes('--transactional-id')).map((a) => a[a.indexOf('--transactional-id') + 1]))
      .toEqual(INJECTION_PAYLOADS.map((p, i) => `${p}-${i}`));
    expect(acls.every((a) => a.filter((w) => w === '--topic' || w === '--transactional-id' || w === '--group' || w === '--cluster').length === 1)).toBe(true);
    const topics = calls(log).filter((c) => c[0] === 'kafka-topics.sh').map((c) => c.slice(5));
    expect(topics).toEqual([['--create', '--if-not-exists', '--topic', 'orders', '--partitions', '3', '--replication-factor', '3']]);
    expect(fs.existsSync(path.join(work, 'pwned'))).toBe(false);
  });

  it("refuses an admin password holding a quote or a line break instead of writing it into the JAAS line", () => {
    const environment = productionEnv();
    const job = new StatefulSetAccessJob(chart(environment), 'Access', { model: hostileModel(environment), clusterName: 'main', image: 'i', bootstrapServers: 'b:9093' });
    const passwordFile = path.join(work, 'refused-password');
    const script = ((job.configMap.toJson() as any).data['apply.sh'] as string).replaceAll('/tmp/admin.properties', path.join(work, 'refused.properties'))
      .replaceAll('/etc/kafka-iac/admin/password', passwordFile);
    for (const password of ['p"w', 'p\nsecurity.protocol=PLAINTEXT', 'p\\']) {
      fs.writeFileSync(passwordFile, password);
      expect(() => execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH, ADMIN_USER: 'a', BOOTSTRAP_SERVERS: 'b' }, stdio: 'pipe' }))
        .toThrow(/holds a quote, a backslash or a line break/);
    }
  });
});

describe('SEC-005 reads every resource and principal of a hand-edited ACL line', () => {
  it('sees each --topic of a line that names several, and --opt=value forms', () => {
    const parsed = parseAclLines('--add --allow-principal User:x --operation Write --topic orders --topic * --resource-pattern-type literal\n'
      + '--add --allow-principal=User:y --allow-principal User:z --operation=Read --group=g1 --group g2\n');
    expect(parsed.acls.map((a) => `${a.principal} ${a.operations.join(',')} ${a.resourceType}:${a.name}`)).toEqual([
      'User:x Write topic:orders', 'User:x Write topic:*',
      'User:y Read group:g1', 'User:y Read group:g2', 'User:z Read group:g1', 'User:z Read group:g2',
    ]);
  });

  it('gives --producer, --consumer and --idempotent the operations kafka-acls.sh adds for them', () => {
    // apache/kafka AclCommand: producer = Write, Describe, Create on topics, Write, Describe on
    // transactional ids, IdempotentWrite on the cluster; consumer = Read, Describe on topics, Read on groups.
    const parsed = parseAclLines('--add --allow-principal User:p --producer --topic * --transactional-id t --idempotent\n--add --allow-principal User:c --consumer --topic t --group *\n');
    expect(parsed.acls.map((a) => `${a.principal} ${a.operations.join(',')} ${a.resourceType}:${a.name}`)).toEqual([
      'User:p Write,Describe,Create topic:*', 'User:p Write,Describe transactionalId:t', 'User:p IdempotentWrite cluster:kafka-cluster',
      'User:c Read,Describe topic:t', 'User:c Read group:*',
    ]);
  });

  it('decodes escaped words as the script does (\\x2a is *)', () => {
    expect(parseAclLines('--add --allow-principal User:x --operation Read --topic \\x2a\n').acls[0].name).toBe('*');
  });

  it('fails SEC-005 when an edited line hides a wildcard topic after a named one', async () => {
    const { JsonPatch } = await import('cdk8s');
    const environment = productionEnv();
    const c = chart(environment);
    const model = hostileModel(environment);
    const job = new StatefulSetAccessJob(c, 'Access', { model, clusterName: 'main', image: 'i', bootstrapServers: 'b:9093' });
    expect(c.node.validate().join('\n')).not.toContain('SEC-005');
    const acls = String((job.configMap.toJson() as any).data['acls.txt']);
    job.configMap.addJsonPatch(JsonPatch.replace('/data/acls.txt', `${acls}--add --allow-principal User:checkout --operation Write --topic orders --topic * --resource-pattern-type literal\n`));
    expect(c.node.validate().join('\n')).toMatch(/SEC-005 \[kafka\/Access\/Artefacts\] non-admin User:checkout is allowed Write on topic '\*'/);
  });

  it('keeps a resource whose name holds spaces as one name (no escalation through transactionalId)', () => {
    const environment = productionEnv();
    const access = new AccessModel({ environment });
    const orders = access.addTopic('orders');
    const p = access.addPrincipal('checkout', { authentication: scram() });
    orders.grantProduce(p, { transactionalId: 'tx --topic * --transactional-id tx' });
    p.addDeny(AclResource.group('g --cluster'), [AclOperation.ALL]);
    access.addAdmin('kafka-admin', { authentication: scram() });
    const job = new StatefulSetAccessJob(chart(environment), 'Access', { model: access, clusterName: 'main', image: 'i', bootstrapServers: 'b:9093' });
    const parsed = parseAclLines((job.configMap.toJson() as any).data['acls.txt']);
    const mine = parsed.acls.filter((a) => a.principal === 'User:checkout');
    expect(mine.filter((a) => a.resourceType === 'topic').map((a) => a.name)).toEqual(['orders']);
    expect(mine.filter((a) => a.resourceType === 'cluster').map((a) => a.operations)).toEqual([['IdempotentWrite']]);
    expect(mine.find((a) => a.resourceType === 'group')!.name).toBe('g --cluster');
    expect(mine.find((a) => a.resourceType === 'transactionalId')!.name).toBe('tx --topic * --transactional-id tx');
  });

  it('reads topic lines with their config values as single arguments', () => {
    const [line] = parseTopicLines(`${encodeArgumentLine(['--create', '--topic', 't', '--config', 'retention.ms=1 --config x=y'])}\n`);
    expect(line.config).toEqual({ 'retention.ms': '1 --config x=y' });
  });
});
