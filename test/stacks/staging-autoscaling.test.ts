// The staging example scales its payments consumers with KEDA (ConsumerAutoscaling): the
// objects pass the KEDA 2.20.2 CRD schemas (schemas/keda) and kubernetes-models, kubectl
// kustomize builds them, CAP-005 and SEC-005 pass on them, and Strimzi staging runs Cruise
// Control with auto-rebalance. Reads the examples synthesized by the global setup.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleDist } from '../support/paths';
import { validateKedaObject } from '../support/keda-schemas';
import { manifestObjects, validateWithModel } from '../support/kubernetes-validation';

const dist = exampleDist('staging');
const objects = manifestObjects(dist).map((o) => o.body);
const report = JSON.parse(fs.readFileSync(path.join(dist, 'report.json'), 'utf8'));

describe('the staging example scales payments-service on lag with KEDA', () => {
  const scaledObject = objects.find((o) => o.kind === 'ScaledObject')!;
  const auth = objects.find((o) => o.kind === 'TriggerAuthentication')!;

  it('writes one ScaledObject for group payments: its one topic (orders, 12 partitions), 2 to 12 replicas, CPU at 70%', () => {
    expect(scaledObject.metadata).toMatchObject({ name: 'payments-service-kafka-lag', namespace: 'payments' });
    expect(scaledObject.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'payments-service' });
    expect([scaledObject.spec.minReplicaCount, scaledObject.spec.maxReplicaCount]).toEqual([2, 12]);
    expect(scaledObject.spec.triggers.map((t: any) => [t.type, t.metadata.topic ?? t.metadata.value])).toEqual([['kafka', 'orders'], ['cpu', '70']]);
    expect(scaledObject.spec.triggers[0].metadata).toMatchObject({
      bootstrapServers: 'staging-kafka-kafka-bootstrap.kafka.svc:9093', consumerGroup: 'payments', lagThreshold: '1000', tls: 'enable', sasl: 'scram_sha512',
    });
  });

  it('authenticates with the Secrets the platform copies into the payments namespace', () => {
    expect(auth.metadata.namespace).toBe('payments');
    expect(auth.spec.secretTargetRef).toEqual([
      { parameter: 'password', name: 'keda-payments', key: 'password' },
      { parameter: 'ca', name: 'staging-kafka-cluster-ca-cert', key: 'ca.crt' },
    ]);
  });

  it('passes the KEDA CRD schemas, and kubernetes-models for the identity ConfigMap', async () => {
    const keda = objects.filter((o) => o.apiVersion === 'keda.sh/v1alpha1');
    expect(keda.map((o) => o.kind).sort()).toEqual(['ScaledObject', 'TriggerAuthentication']);
    for (const o of keda) expect(validateKedaObject(o), `${o.kind}/${o.metadata.name}`).toEqual([]);
    const identity = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'payments-service-kafka-lag-identity')!;
    expect(identity.data).toEqual({ username: 'keda-payments' });
    expect(await validateWithModel(identity)).toBeUndefined();
  });

  it('is built by kubectl kustomize', () => {
    const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', dist], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).map((d) => d.toJS());
    expect(built.filter((o) => o?.apiVersion === 'keda.sh/v1alpha1').map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`).sort())
      .toEqual(['ScaledObject/payments/payments-service-kafka-lag', 'TriggerAuthentication/payments/payments-service-kafka-lag']);
  });

  it('gives the KEDA principal exactly Describe on the group and its topic, and SEC-005 and CAP-005 pass', () => {
    const user = objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'keda-payments')!;
    expect(user.spec.authorization.acls.map((a: any) => `${a.type} ${a.operations.join(',')} ${a.resource.type}:${a.resource.name}`))
      .toEqual(['allow Describe group:payments', 'allow Describe topic:orders']);
    const entries = (id: string, p: string) => report.entries.filter((e: any) => e.ruleId === id && e.path.includes(p)).map((e: any) => e.status);
    expect(entries('SEC-005', 'User-keda-payments')).toEqual(['compliant']);
    expect(entries('CAP-005', 'PaymentsAutoscaling')).toEqual(['compliant']);
  });

  it('lets the KEDA operator reach the client listeners (networkPolicyPeers), not the cross-cluster dr listener', () => {
    const kafka = objects.find((o) => o.kind === 'Kafka')!;
    const dr = kafka.spec.kafka.listeners.find((l: any) => l.name === 'dr');
    expect(dr.networkPolicyPeers).toEqual([{ ipBlock: { cidr: '10.61.0.0/16' } }]);
    for (const l of kafka.spec.kafka.listeners.filter((x: any) => x.name !== 'dr')) {
      expect(l.networkPolicyPeers).toContainEqual({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keda' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'keda-operator' } },
      });
    }
  });

  it('runs Cruise Control with auto-rebalance on scale-up and scale-down', () => {
    const kafka = objects.find((o) => o.kind === 'Kafka')!;
    expect(kafka.spec.cruiseControl.autoRebalance.map((a: any) => a.mode)).toEqual(['add-brokers', 'remove-brokers']);
    expect(objects.filter((o) => o.kind === 'KafkaRebalance').map((o) => o.metadata.name)).toEqual(['staging-kafka-add-brokers-template', 'staging-kafka-remove-brokers-template']);
  });
});
