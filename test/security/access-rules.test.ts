import { Testing } from 'cdktf';
import { App as Cdk8sApp, JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Environment, EnvironmentProfile } from '../../lib/core/environment';
import { KafkaChart } from '../../lib/kubernetes/kafka-chart';
import { AclOperation, AclResource } from '../../lib/security/acl';
import { AccessModel } from '../../lib/security/access-model';
import { MskAccess } from '../../lib/security/msk-access';
import { StatefulSetAccessJob } from '../../lib/security/statefulset-access-job';
import { StrimziAccess } from '../../lib/security/strimzi-access';
import { mskStack } from '../support/msk-stack';
import { iam, sampleModel, scram } from './access-fixtures';

/** A chart with the environment, in an app whose synth runs validations. */
function k8s(profile = EnvironmentProfile.PRODUCTION) {
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = new Cdk8sApp({ outdir: `.test-out/security-rules/${profile}` });
  return { environment, app, chart: new KafkaChart(app, 'kafka', { environment }) };
}

function errorsOf(validate: () => unknown): string {
  try {
    validate();
  } catch (e) {
    return String((e as Error).message);
  }
  return '';
}

function chartErrors(chart: KafkaChart): string {
  return chart.node.validate().join('\n');
}

describe('SEC-005 least privilege', () => {
  it('passes on Strimzi for the model and reports the prefixed grant', () => {
    const { environment, chart } = k8s();
    new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    expect(chartErrors(chart)).toBe('');
    const entries = chart.complianceReport.entries.filter((e) => e.ruleId === 'SEC-005');
    expect(entries.find((e) => e.path === 'kafka/Access/User-billing')?.notes).toEqual(["billing has a prefixed grant: Read,Describe on topic prefix 'audit.'"]);
  });

  it('fails SEC-005 on Strimzi when a JSON patch gives a non-admin every topic', () => {
    const { environment, chart } = k8s();
    const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    access.users.get('billing')!.addJsonPatch(JsonPatch.replace('/spec/authorization/acls/0/resource/name', '*'));
    expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/User-billing\] non-admin billing is allowed Read,Describe on topic '\*'; expected named topics or a prefix in production/m);
  });

  it('fails SEC-005 on Strimzi when a JSON patch gives a non-admin a cluster right', () => {
    const { environment, chart } = k8s();
    const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    access.users.get('billing')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'cluster' }, operations: ['Alter'] }));
    expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/User-billing\] non-admin billing \(application\) is allowed cluster operation Alter/m);
  });

  it('accepts * for a non-admin in development', () => {
    const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
    const model = new AccessModel({ environment, defaultReplicationFactor: 1, defaultMinInsyncReplicas: 1 });
    model.anyTopic().grantConsume(model.addPrincipal('tool', { authentication: scram() }), { group: 'tool' });
    new StrimziAccess(chart, 'Access', { model, clusterName: 'main' });
    expect(chartErrors(chart)).not.toContain('SEC-005');
  });

  it('passes on the StatefulSet ACL artefact and fails SEC-005 when a JSON patch adds a wildcard line', () => {
    const { environment, chart } = k8s(EnvironmentProfile.STAGING);
    const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
    expect(chartErrors(chart)).toBe('');
    const acls = String((job.configMap.toJson() as any).data['acls.txt']);
    job.configMap.addJsonPatch(JsonPatch.replace('/data/acls.txt', `${acls}--add --allow-principal User:billing --operation Read --group * --resource-pattern-type literal\n`));
    expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/Artefacts\] non-admin User:billing is allowed Read on group '\*'; expected named groups or a prefix in staging/m);
  });

  it('passes on MSK IAM policies and fails SEC-005 when an override widens a non-admin policy', () => {
    const { stack, environment, cluster } = mskStack();
    const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    access.policies.get('billing')!.addOverride('policy', JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:AlterCluster', 'kafka-cluster:ReadData'], Resource: ['arn:aws:kafka:us-east-1:1:topic/c/u/*'] }],
    }));
    const message = errorsOf(() => Testing.synth(stack, true));
    expect(message).toContain('SEC-005 [production/Access/billing/Resource] non-admin billing is allowed cluster action kafka-cluster:AlterCluster');
    expect(message).toContain("SEC-005 [production/Access/billing/Resource] non-admin billing is allowed kafka-cluster:Connect,kafka-cluster:AlterCluster,kafka-cluster:ReadData on resource 'arn:aws:kafka:us-east-1:1:topic/c/u/*'");
  });

  it('fails SEC-005 on the MSK SCRAM ACL artefact when an override grants a non-admin the cluster', () => {
    const { stack, environment, cluster } = mskStack();
    const model = sampleModel(environment);
    const access = new MskAccess(stack, 'Access', { model, cluster });
    access.adminArtefacts.addOverride('input.acls', '# principal User:billing application\n--add --allow-principal User:billing --operation All --cluster --resource-pattern-type literal\n');
    expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/SEC-005 \[production\/Access\/AdminArtefacts\] non-admin User:billing \(application\) is allowed cluster operation All/);
  });

  it('allows the admin everything and a deny rule anywhere', () => {
    const { environment, chart } = k8s();
    const model = sampleModel(environment);
    model.principal('billing')!.addDeny(AclResource.any(AclResource.topic('x').type), [AclOperation.ALL]);
    new StrimziAccess(chart, 'Access', { model, clusterName: 'main' });
    expect(chartErrors(chart)).toBe('');
  });
});

describe('SEC-009 no secret values', () => {
  it('passes on the rendered access artefacts of every target', () => {
    const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
    new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    expect(chartErrors(chart)).not.toContain('SEC-009');
  });

  it('fails SEC-009 in development when a JSON patch writes a password into the Job env', () => {
    const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
    const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'b:9093' });
    job.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/env/2', { name: 'ADMIN_PASSWORD', value: 'hunter2-hunter2' }));
    const errors = chartErrors(chart);
    expect(errors).toMatch(/^SEC-009 \[kafka\/Access\/Resource\] Job\/main-access-\w+\.spec\.template\.spec\.containers\[0\]\.env\[2\]\.value holds a literal value for environment variable 'ADMIN_PASSWORD'/m);
    expect(errors).not.toContain('hunter2');
  });

  it('fails SEC-009 on MSK when an override writes a SCRAM password into the secret version', () => {
    const { stack, environment, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
    const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
    access.scramUsers.get('billing')!.secretVersion.addOverride('secret_string_wo', '{"username":"billing","password":"hunter2-hunter2"}');
    const message = errorsOf(() => Testing.synth(stack, true));
    expect(message).toMatch(/SEC-009 \[development\/Access\/Scram-billing\/Value\] aws_secretsmanager_secret_version\.\S+\.secret_string_wo holds a secret value in key 'secret_string_wo'/);
    expect(message).not.toContain('hunter2');
  });
});

describe('HA-004 producer acks', () => {
  it('passes on the published producer properties (Strimzi ConfigMaps)', () => {
    const { environment, chart } = k8s();
    new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    expect(chartErrors(chart)).toBe('');
    expect(chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-004' && e.status === 'compliant').map((e) => e.path).sort())
      .toEqual(['kafka/Access/Client-checkout', 'kafka/Access/Client-kafka-admin']);
  });

  it('fails HA-004 when a JSON patch publishes acks=1 for a producer', () => {
    const { environment, chart } = k8s();
    const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    const cm = access.clientProperties.get('checkout')!;
    const text = String((cm.toJson() as any).data['client.properties']).replace('acks=all', 'acks=1').replace('enable.idempotence=true', 'enable.idempotence=false');
    cm.addJsonPatch(JsonPatch.replace('/data/client.properties', text));
    const errors = chartErrors(chart);
    expect(errors).toMatch(/^HA-004 \[kafka\/Access\/Client-checkout\] acks is '1' in the client properties of 'checkout'; expected 'all'/m);
    expect(errors).toMatch(/HA-004 \[kafka\/Access\/Client-checkout\] enable\.idempotence is 'false' in the client properties of 'checkout'; expected 'true'/m);
  });

  it('fails HA-004 on MSK when an override removes acks from the published properties', () => {
    const { stack, environment, cluster } = mskStack();
    const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
    access.clientPropertiesArtefact.addOverride('input.principals.checkout', { producer: true, properties: 'enable.idempotence=true\n' });
    expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/HA-004 \[production\/Access\/ClientProperties\] acks is not set in the client properties of 'checkout'; expected 'all'/);
  });
});
