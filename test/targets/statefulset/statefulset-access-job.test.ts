import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { AccessModel } from '../../../lib/model/access/access-model';
import { StatefulSetAccessJob } from '../../../lib/targets/statefulset/statefulset-access-job';
import { parseAclLines } from '../../../lib/contract/admin-command-lines';
import { chart, productionEnv, sampleModel } from '../../support/access-fixtures';

const props = { clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' };

describe('StatefulSetAccessJob', () => {
  it('runs the broker image admin tools with the admin password from a Secret only', () => {
    const environment = productionEnv();
    const c = chart(environment);
    const job = new StatefulSetAccessJob(c, 'Access', { ...props, model: sampleModel(environment) });
    const spec = (job.resource.toJson() as any).spec.template.spec;
    const container = spec.containers[0];
    expect(container.image).toBe('apache/kafka:4.1.1');
    expect(container.command).toEqual(['/bin/bash', '/etc/kafka-iac/access/apply.sh']);
    expect(container.env).toEqual([
      { name: 'BOOTSTRAP_SERVERS', value: 'main-bootstrap.kafka.svc:9093' },
      { name: 'ADMIN_USER', value: 'kafka-admin' },
    ]);
    // The password is a mounted Secret file that the script reads, never an environment variable.
    expect(spec.volumes).toContainEqual({ name: 'admin-credentials', secret: { secretName: 'kafka-admin-credentials', items: [{ key: 'password', path: 'password' }], defaultMode: 0o440 } });
    expect(container.volumeMounts).toContainEqual({ name: 'admin-credentials', mountPath: '/etc/kafka-iac/admin', readOnly: true });
    expect(spec.volumes.find((v: any) => v.name === 'cluster-ca').secret.secretName).toBe('main-cluster-ca');
    expect(spec.securityContext.runAsNonRoot).toBe(true);
    expect(c.node.validate()).toEqual([]);
  });

  it('holds exactly the ACL and topic lines of the model, which parse back to the grants', () => {
    const environment = productionEnv();
    const c = chart(environment);
    const job = new StatefulSetAccessJob(c, 'Access', { ...props, model: sampleModel(environment) });
    const data = (job.configMap.toJson() as any).data;
    const parsed = parseAclLines(data['acls.txt']);
    expect(parsed.kinds.get('User:kafka-admin')).toBe('admin');
    expect(parsed.acls.filter((a) => a.principal === 'User:billing').map((a) => `${a.permission} ${a.operations.join(',')} ${a.resourceType}:${a.name}:${a.patternType}`)).toEqual([
      'allow Read,Describe topic:orders:literal', 'allow Read group:billing:literal',
      'allow Read,Describe topic:audit.:prefix', 'allow Read group:billing-audit:literal',
    ]);
    expect(data['topics.txt'].split('\n').filter((l: string) => l.startsWith('--'))).toEqual([
      '--create --if-not-exists --topic orders --partitions 12 --replication-factor 3',
      '--create --if-not-exists --topic order-state --partitions 6 --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=compact',
    ]);
    expect(data['apply.sh']).toContain('set -f');
    // Each line is read as data into an array (never word-split): see test/hostile/admin-scripts.test.ts.
    expect(data['apply.sh']).toContain("bin='/opt/kafka/bin'");
    expect(data['apply.sh']).toContain('run "$bin/kafka-acls.sh" /etc/kafka-iac/access/acls.txt');
    expect(data['apply.sh']).toContain('"$tool" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" "${args[@]}"');
  });

  it('names the Job after its content, so a changed model makes a new Job', () => {
    const a = productionEnv();
    const b = productionEnv();
    const first = new StatefulSetAccessJob(chart(a), 'Access', { ...props, model: sampleModel(a) });
    const model = sampleModel(b);
    model.addTopic('payments');
    const second = new StatefulSetAccessJob(chart(b), 'Access', { ...props, model });
    expect(first.resource.name).toMatch(/^main-access-[0-9a-f]{10}$/);
    expect(second.resource.name).not.toBe(first.resource.name);
  });

  it('refuses a model without a SCRAM admin for the Job to authenticate as', () => {
    const environment = productionEnv();
    const model = new AccessModel({ environment });
    model.addPrincipal('app', { authentication: ClientAuthentication.scramSha512() });
    expect(() => new StatefulSetAccessJob(chart(environment), 'Access', { ...props, model }))
      .toThrow(/^SEC-005 \[kafka\/Access\] admin principal is not set; .*addAdmin/);
  });
});
