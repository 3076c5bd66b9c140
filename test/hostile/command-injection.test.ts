import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import { JmxExporterAgent } from '../../lib/targets/statefulset/jmx-exporter-agent';
import { KafkaNodeRole, renderStartScript } from '../../lib/targets/statefulset/kafka-node-properties';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { statefulSetChart } from '../support/statefulset-fixture';
import { chart, productionEnv, sampleModel } from '../support/access-fixtures';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-cmd-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('values that reach sh -c scripts (issue #13: command execution)', () => {
  it("refuses clusterDomain 'cluster.local$(touch x)' with the library's error", () => {
    const e = thrown(() => statefulSetChart({ cluster: { clusterDomain: 'cluster.local$(touch x)' } }));
    expect(e).toBeInstanceOf(KafkaIacError);
    expect((e as Error).message).toMatch(/^KIAC-PROP \[kafka\/Kafka\] clusterDomain is 'cluster.local\$\(touch x\)'; expected a DNS-1123 subdomain/);
  });

  it('accepts a real cluster domain such as cluster.local or k8s.example.com', () => {
    expect(() => statefulSetChart({ cluster: { clusterDomain: 'k8s.example.com' } })).not.toThrow();
  });

  it.each(['Kafka', 'kafka;id', 'ka fka', '-kafka', 'k'.repeat(64), ''])("refuses namespace '%s' (a DNS-1123 label)", (ns) => {
    const e = thrown(() => new Environment({ name: 'production', profile: EnvironmentProfile.PRODUCTION, region: 'us-east-1', namespace: ns }));
    expect(e).toBeInstanceOf(KafkaIacError);
    expect((e as Error).message).toContain('namespace is');
    expect((e as Error).message).toContain('expected a DNS-1123 label');
  });

  it('refuses a kafkaBinPath that is not an absolute path', () => {
    const environment = productionEnv();
    const e = thrown(() => new StatefulSetAccessJob(chart(environment), 'Access', {
      model: sampleModel(environment), clusterName: 'main', image: 'i', bootstrapServers: 'b', kafkaBinPath: '$(id)/bin',
    }));
    expect((e as Error).message).toMatch(/^KIAC-PROP \[kafka\/Access\] kafkaBinPath is '\$\(id\)\/bin'; expected an absolute path/);
  });

  it('copies a JMX agent jar whose path holds spaces and $() as one literal argument', () => {
    const stubs = path.join(work, 'stubs');
    fs.mkdirSync(stubs, { recursive: true });
    const log = path.join(work, 'cp.log');
    fs.writeFileSync(path.join(stubs, 'cp'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\n`);
    fs.chmodSync(path.join(stubs, 'cp'), 0o755);
    const jar = '/agent dir/$(touch pwned)/`touch pwned2`/it\'s.jar';
    const agent = JmxExporterAgent.fromImage('registry.example.com/jmx:1.1.0', jar);
    const [shell, flag, script] = agent.command;
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    execFileSync('/bin/sh', ['-c', script], { cwd: work, env: { PATH: `${stubs}:${process.env.PATH}` } });
    expect(fs.readFileSync(log, 'utf8').split('\n').slice(0, 2)).toEqual([jar, '/opt/jmx-exporter/jmx_prometheus_javaagent.jar']);
    expect(fs.readdirSync(work).filter((f) => f.startsWith('pwned'))).toEqual([]);
  });

  it('refuses a JMX agent image or jar path that is not one', () => {
    expect(() => JmxExporterAgent.fromImage('img; rm -rf /', '/a.jar')).toThrow(/^KIAC-PROP \[JmxExporterAgent.fromImage\] image is/);
    expect(() => JmxExporterAgent.fromImage('img', 'relative.jar')).toThrow(/jarPath is 'relative.jar'; expected an absolute path/);
  });

  it('writes the pod domain and SCRAM user names of the start script as literal shell words', () => {
    const script = renderStartScript({
      role: KafkaNodeRole.BROKER, propertiesKey: 'server.properties', podDomain: 'x.$(touch pwned).svc',
      clientListeners: [], scramUsers: [],
    });
    const hostLine = script.split('\n').find((l) => l.startsWith('host='))!;
    const out = execFileSync('bash', ['-c', `set -euo pipefail; HOSTNAME=p-0; ${hostLine}; printf '%s' "$host"`], { cwd: work }).toString();
    expect(out).toBe('p-0.x.$(touch pwned).svc');
    expect(fs.existsSync(path.join(work, 'pwned'))).toBe(false);
  });
});
