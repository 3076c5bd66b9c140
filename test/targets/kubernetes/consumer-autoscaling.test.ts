// ConsumerAutoscaling: the KEDA ScaledObject and TriggerAuthentication it writes, checked against
// the KEDA 2.20.2 CRD schemas (schemas/keda) and kubernetes-models, and every refusal.
// Trigger metadata names (bootstrapServers, consumerGroup, topic, lagThreshold,
// activationLagThreshold, offsetResetPolicy, allowIdleConsumers, tls, sasl, saslTokenProvider,
// awsRegion) and the authParams (username, password, ca) are the `keda:"name=..."` tags of
// kafkaMetadata in kedacore/keda v2.20.x pkg/scalers/kafka_scaler.go.
import { App, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { AccessModel } from '../../../lib/model/access/access-model';
import { AclOperation } from '../../../lib/model/access/acl';
import { grantLagRead } from '../../../lib/model/access/consumer-lag-access';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { Environment, EnvironmentProfile } from '../../../lib/model/environment';
import { RuleRegistry } from '../../../lib/rules/registry';
import { AutoscaledCluster, ConsumerAutoscaling, ScaleTarget, type ConsumerAutoscalingProps } from '../../../lib/targets/kubernetes/consumer-autoscaling';
import { StrimziAccess } from '../../../lib/targets/strimzi/strimzi-access';
import { validateKedaObject } from '../../support/keda-schemas';
import { validateWithModel } from '../../support/kubernetes-validation';
import { SCRATCH_APP } from '../../support/scratch';

function fixture(profile: EnvironmentProfile = EnvironmentProfile.STAGING, options: { scaler?: 'scram' | 'iam' | 'none'; grant?: boolean } = {}) {
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment, rules: ['SEC-005', 'SEC-009', 'CAP-005'].flatMap((id) => RuleRegistry.all().filter((r) => r.id === id)) });
  const access = new AccessModel({ environment });
  const orders = access.addTopic('orders', { partitions: 12 });
  const refunds = access.addTopic('refunds', { partitions: 6 });
  const payments = access.addPrincipal('payments-service', { authentication: ClientAuthentication.scramSha512() });
  orders.grantConsume(payments, { group: 'payments' });
  refunds.grantConsume(payments, { group: 'payments' });
  const kind = options.scaler ?? 'scram';
  const scaler = kind === 'none' ? undefined
    : access.addPrincipal('keda-payments', { authentication: kind === 'iam' ? ClientAuthentication.iam() : ClientAuthentication.scramSha512() });
  if (scaler && options.grant !== false) grantLagRead(access, scaler, 'payments');
  return { app, chart, access, scaler: scaler!, environment };
}

function base(f: ReturnType<typeof fixture>): ConsumerAutoscalingProps {
  return {
    access: f.access, group: 'payments', scaler: f.scaler,
    workload: ScaleTarget.deployment('payments-service'),
    cluster: AutoscaledCluster.strimzi({ clusterName: 'main' }),
  };
}

function synth(chart: KafkaChart): Record<string, any>[] {
  (chart.node.root as App).synthYaml();
  return Testing.synth(chart);
}

function errorOf(fn: () => unknown): string {
  try { fn(); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
}

describe('ConsumerAutoscaling on Strimzi', () => {
  it('writes a ScaledObject with one kafka trigger per topic of the group, the documents\' defaults, and TLS + SCRAM-SHA-512', () => {
    const f = fixture();
    const scaling = new ConsumerAutoscaling(f.chart, 'PaymentsScaling', base(f));
    const objects = synth(f.chart);
    const so = objects.find((o) => o.kind === 'ScaledObject')!;
    expect(so.apiVersion).toBe('keda.sh/v1alpha1');
    expect(so.metadata.name).toBe('payments-service-kafka-lag');
    expect(so.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'payments-service' });
    // Staging is production-like: min 2; max defaults to the partitions of orders (12) + refunds (6).
    expect([so.spec.minReplicaCount, so.spec.maxReplicaCount]).toEqual([2, 18]);
    expect(so.spec.cooldownPeriod).toBe(300);
    expect(so.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
    expect(so.spec.triggers.map((t: any) => [t.type, t.metadata.topic])).toEqual([['kafka', 'orders'], ['kafka', 'refunds']]);
    expect(so.spec.triggers[0].metadata).toEqual({
      bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9093', consumerGroup: 'payments', topic: 'orders',
      lagThreshold: '1000', activationLagThreshold: '100', offsetResetPolicy: 'latest', allowIdleConsumers: 'false',
      tls: 'enable', sasl: 'scram_sha512',
    });
    expect(so.spec.triggers[0].authenticationRef).toEqual({ name: 'payments-service-kafka-lag' });
    const auth = objects.find((o) => o.kind === 'TriggerAuthentication')!;
    expect(auth.spec).toEqual({
      configMapTargetRef: [{ parameter: 'username', name: 'payments-service-kafka-lag-identity', key: 'username' }],
      secretTargetRef: [
        { parameter: 'password', name: 'keda-payments', key: 'password' },
        { parameter: 'ca', name: 'main-cluster-ca-cert', key: 'ca.crt' },
      ],
    });
    expect(objects.find((o) => o.kind === 'ConfigMap')!.data).toEqual({ username: 'keda-payments' });
    expect([...scaling.topics]).toEqual([['orders', 12], ['refunds', 6]]);
  });

  it('passes the KEDA 2.20.2 CRD schemas and kubernetes-models (the identity ConfigMap)', async () => {
    const f = fixture();
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', { ...base(f), cpuUtilizationPercent: 70 });
    const objects = synth(f.chart);
    for (const o of objects.filter((x) => x.apiVersion === 'keda.sh/v1alpha1')) expect(validateKedaObject(o)).toEqual([]);
    expect(await validateWithModel(objects.find((o) => o.kind === 'ConfigMap')!)).toBeUndefined();
  });

  it('adds a CPU trigger at 70% Utilization when asked', () => {
    const f = fixture();
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', { ...base(f), cpuUtilizationPercent: 70 });
    const so = synth(f.chart).find((o) => o.kind === 'ScaledObject')!;
    expect(so.spec.triggers.at(-1)).toEqual({ type: 'cpu', name: 'cpu', metricType: 'Utilization', metadata: { value: '70' } });
  });

  it('never uses PLAIN and writes no secret value: only Secret and ConfigMap references', () => {
    const f = fixture();
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', base(f));
    const text = JSON.stringify(synth(f.chart));
    expect(text).not.toMatch(/plaintext|"sasl":"plain"/i);
    expect(text).not.toMatch(/"password":"[^"]/);
  });

  it('gives the scaler principal exactly Describe on the group and its topics, and SEC-005 passes on its KafkaUser', () => {
    const f = fixture();
    new StrimziAccess(f.chart, 'Access', { model: f.access, clusterName: 'main' });
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', base(f));
    const user = synth(f.chart).find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'keda-payments')!;
    expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(user.spec.authorization.acls).toEqual([
      { type: 'allow', resource: { type: 'group', name: 'payments', patternType: 'literal' }, operations: ['Describe'], host: '*' },
      { type: 'allow', resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Describe'], host: '*' },
      { type: 'allow', resource: { type: 'topic', name: 'refunds', patternType: 'literal' }, operations: ['Describe'], host: '*' },
    ]);
    const sec005 = f.chart.complianceReport.entries.filter((e) => e.ruleId === 'SEC-005' && e.path.endsWith('User-keda-payments'));
    expect(sec005.map((e) => e.status)).toEqual(['compliant']);
  });
});

describe('ConsumerAutoscaling on the StatefulSet target and on MSK', () => {
  it('StatefulSet: the cluster\'s bootstrap Service and CA Secret, SCRAM from the principal\'s Secret', () => {
    const f = fixture();
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', { ...base(f), cluster: AutoscaledCluster.statefulSet({ clusterName: 'main' }), workload: ScaleTarget.statefulSet('payments-service') });
    const objects = synth(f.chart);
    const so = objects.find((o) => o.kind === 'ScaledObject')!;
    expect(so.metadata.labels['kafka-iac.dev/target']).toBe('statefulset');
    expect(so.spec.scaleTargetRef.kind).toBe('StatefulSet');
    expect(so.spec.triggers[0].metadata.bootstrapServers).toBe('main-bootstrap.kafka.svc:9093');
    expect(objects.find((o) => o.kind === 'TriggerAuthentication')!.spec.secretTargetRef[1]).toEqual({ parameter: 'ca', name: 'main-cluster-ca', key: 'ca.crt' });
    for (const o of objects.filter((x) => x.apiVersion === 'keda.sh/v1alpha1')) expect(validateKedaObject(o)).toEqual([]);
  });

  it('MSK: TLS + oauthbearer with aws_msk_iam and AWS pod identity, no username or password', () => {
    const f = fixture(EnvironmentProfile.STAGING, { scaler: 'iam' });
    new ConsumerAutoscaling(f.chart, 'PaymentsScaling', {
      ...base(f), workload: ScaleTarget.deployment('payments-service', 'payments'),
      cluster: AutoscaledCluster.msk({ bootstrapServers: 'b-1.main.kafka.us-east-1.amazonaws.com:9098', region: 'us-east-1', roleArn: 'arn:aws:iam::111122223333:role/keda-payments' }),
    });
    const objects = synth(f.chart);
    const so = objects.find((o) => o.kind === 'ScaledObject')!;
    expect(so.metadata.namespace).toBe('payments');
    expect(so.spec.triggers[0].metadata).toMatchObject({ tls: 'enable', sasl: 'oauthbearer', saslTokenProvider: 'aws_msk_iam', awsRegion: 'us-east-1' });
    const auth = objects.find((o) => o.kind === 'TriggerAuthentication')!;
    expect(auth.spec).toEqual({ podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::111122223333:role/keda-payments' } });
    expect(objects.some((o) => o.kind === 'ConfigMap')).toBe(false);
    for (const o of objects.filter((x) => x.apiVersion === 'keda.sh/v1alpha1')) expect(validateKedaObject(o)).toEqual([]);
  });

  it('MSK: the scaler\'s IAM actions are Connect, DescribeCluster, DescribeGroup and DescribeTopic only', () => {
    const f = fixture(EnvironmentProfile.STAGING, { scaler: 'iam' });
    const actions = new Set(f.scaler.grants.flatMap((g) => g.iamStatements.flatMap((s) => s.actions)));
    expect([...actions].sort()).toEqual(['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:DescribeGroup', 'kafka-cluster:DescribeTopic']);
  });
});

describe('ConsumerAutoscaling refuses bad input', () => {
  for (const prop of ['lagThreshold', 'activationLagThreshold', 'scaleInStabilizationSeconds', 'cpuUtilizationPercent'] as const) {
    for (const value of [0, -5]) {
      it(`refuses ${prop} ${value}`, () => {
        const f = fixture();
        const message = errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), [prop]: value }));
        expect(message).toMatch(new RegExp(`^KIAC-SCALING \\[kafka/S\\] ${prop} is ${value}; expected a positive integer\\. Set ${prop}: \\d+`));
      });
    }
  }

  it('refuses minReplicas 0 with CAP-005', () => {
    const f = fixture();
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), minReplicas: 0 }))).toMatch(/^CAP-005 \[kafka\/S\] minReplicas is 0; expected a positive integer/);
  });

  it('refuses minReplicas above maxReplicas', () => {
    const f = fixture();
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), minReplicas: 5, maxReplicas: 3 })))
      .toBe('CAP-005 [kafka/S] minReplicas is 5; expected at most maxReplicas (3). Lower minReplicas to 3 or raise maxReplicas to 5.');
  });

  it('refuses a group the access model does not declare', () => {
    const f = fixture();
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), group: 'shipping' })))
      .toMatch(/^KIAC-SCALING \[kafka\/S\] group is 'shipping'; expected a consumer group the access model 'staging\/access' declares .* \('payments'\)\.$/);
  });

  it('refuses a workload in another namespace without replicated Secrets, and accepts it with them', () => {
    const f = fixture();
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), workload: ScaleTarget.deployment('payments-service', 'payments') })))
      .toMatch(/^KIAC-SCALING \[kafka\/S\] workload namespace is 'payments'; expected the cluster's namespace 'kafka', where the Secrets 'keda-payments' and 'main-cluster-ca-cert' are/);
    new ConsumerAutoscaling(f.chart, 'T', {
      ...base(f), workload: ScaleTarget.deployment('payments-service', 'payments'),
      replicatedSecrets: { credentials: 'keda-payments-copy', clusterCa: 'main-ca-copy' },
    });
    const auth = synth(f.chart).find((o) => o.kind === 'TriggerAuthentication')!;
    expect(auth.metadata.namespace).toBe('payments');
    expect(auth.spec.secretTargetRef.map((r: any) => r.name)).toEqual(['keda-payments-copy', 'main-ca-copy']);
  });

  it('refuses a scaler without the Describe ACLs (grantLagRead not called)', () => {
    const f = fixture(EnvironmentProfile.STAGING, { grant: false });
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', base(f))))
      .toBe("SEC-005 [kafka/S] ACLs of scaler 'keda-payments' is 'missing Describe on group 'payments', Describe on topic 'orders', Describe on topic 'refunds''; expected Describe on the group and on each topic it consumes (what KEDA's kafka scaler reads: metadata, committed and latest offsets). Call grantLagRead(access, keda-payments, 'payments') before the access model is rendered.");
  });

  it('refuses an IAM scaler on Strimzi and a SCRAM scaler on MSK (SEC-003)', () => {
    const iam = fixture(EnvironmentProfile.STAGING, { scaler: 'iam' });
    expect(errorOf(() => new ConsumerAutoscaling(iam.chart, 'S', base(iam)))).toMatch(/^SEC-003 \[kafka\/S\] scaler authentication is 'iam'; expected scram-sha-512/);
    const scram = fixture();
    expect(errorOf(() => new ConsumerAutoscaling(scram.chart, 'S', { ...base(scram), cluster: AutoscaledCluster.msk({ bootstrapServers: 'b:9098', region: 'us-east-1' }) })))
      .toMatch(/^SEC-003 \[kafka\/S\] scaler authentication is 'scram-sha-512'; expected iam/);
  });

  it('refuses a scaler that is not in the access model', () => {
    const f = fixture();
    const other = new AccessModel({ environment: f.environment });
    const stranger = other.addPrincipal('keda-payments', { authentication: ClientAuthentication.scramSha512() });
    expect(errorOf(() => new ConsumerAutoscaling(f.chart, 'S', { ...base(f), scaler: stranger }))).toMatch(/^SEC-005 \[kafka\/S\] scaler is 'keda-payments'; expected a principal declared in access model/);
  });

  it('does not count an admin\'s All on every group and topic as consuming the group', () => {
    const f = fixture(EnvironmentProfile.STAGING, { grant: false });
    f.access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
    f.access.addTopic('audit.events');
    const grant = grantLagRead(f.access, f.scaler, 'payments');
    expect(grant.aclLines).toEqual(["allow Describe on group 'payments'", "allow Describe on topic 'orders'", "allow Describe on topic 'refunds'"]);
    expect(errorOf(() => grantLagRead(f.access, f.scaler, 'anything'))).toMatch(/scale a group that is declared \('payments'\)\.$/);
  });

  it('grantLagRead refuses an undeclared group and grants no Read', () => {
    const f = fixture(EnvironmentProfile.STAGING, { grant: false });
    expect(errorOf(() => grantLagRead(f.access, f.scaler, 'shipping'))).toMatch(/^KIAC-SCALING \[staging\/access\/principals\/keda-payments\] group is 'shipping'/);
    const grant = grantLagRead(f.access, f.scaler, 'payments');
    expect(grant.acls.flatMap((e) => e.operations)).toEqual([AclOperation.DESCRIBE, AclOperation.DESCRIBE, AclOperation.DESCRIBE]);
  });
});
