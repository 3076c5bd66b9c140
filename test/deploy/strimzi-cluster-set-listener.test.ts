import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ListenerReach, StrimziListenerType } from '../../lib/targets/strimzi/strimzi-listener';
import { exampleDist } from '../support/paths';
import { validateStrimziObject } from '../support/strimzi-schemas';
import { find, strimziChart, synth } from '../support/strimzi-fixture';

function objectsOf(env: string, file: string): Record<string, any>[] {
  return parseAllDocuments(fs.readFileSync(path.join(exampleDist(env), file), 'utf8')).map((d) => d.toJS());
}

/*
 * Why a cross-cluster client needs this (Strimzi 1.2, cluster-operator KafkaListenersReconciler):
 * - internalServicesReady(): an internal listener advertises
 *   `<pod>.<cluster>-kafka-brokers.<ns>.svc` unless the listener sets an advertised host; a
 *   user-configured advertised host (`brokers[].advertisedHost` or `advertisedHostTemplate`,
 *   ListenersUtils.brokerAdvertisedHost, `{nodePodName}` rendered by ModelUtils.renderTemplate) on
 *   a TLS listener is added to that broker's certificate SANs;
 * - the constructor adds `configuration.bootstrap.alternativeNames` to the bootstrap DNS names
 *   of the broker certificates ("The alternative names will be added to the list of subject
 *   alternative names of the TLS certificates", GenericKafkaListenerConfigurationBootstrap).
 * Multi-Cluster Services (kubernetes/enhancements KEP-1645 specification.md): an exported
 * ClusterIP Service is `<service>.<ns>.svc.clusterset.local`; each ready endpoint of an exported
 * headless Service is `<hostname>.<clusterid>.<service>.<ns>.svc.clusterset.local`; a
 * ServiceExport has the Service's name and namespace.
 */
describe('staging-dr: MirrorMaker 2 reaches staging across Kubernetes clusters with hostname verification', () => {
  const staging = objectsOf('staging', 'kafka.k8s.yaml');
  const dr = objectsOf('staging-dr', 'kafka.k8s.yaml');
  const kafka = staging.find((o) => o.kind === 'Kafka')!;
  const mirror = dr.find((o) => o.kind === 'KafkaMirrorMaker2')!.spec.mirrors[0];
  const [host, port] = mirror.source.bootstrapServers.split(':');
  const listener = kafka.spec.kafka.listeners.find((l: any) => l.port === Number(port));

  it('connects to a TLS listener of staging whose certificates carry the cluster-set bootstrap name', () => {
    expect(host).toBe('staging-kafka-kafka-bootstrap.kafka.svc.clusterset.local');
    expect(mirror.source.tls.trustedCertificates).toEqual([{ secretName: 'staging-kafka-cluster-ca-cert', certificate: 'ca.crt' }]);
    expect(listener).toMatchObject({ name: 'dr', type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } });
    expect(listener.configuration.bootstrap.alternativeNames).toEqual([host]);
  });

  it('advertises each broker by its pod in the exported headless brokers Service, so the metadata MirrorMaker 2 gets resolves in us-west-2', () => {
    expect(listener.configuration.advertisedHostTemplate)
      .toBe('{nodePodName}.staging-us-east-1.staging-kafka-kafka-brokers.kafka.svc.clusterset.local');
  });

  it('exports the bootstrap and brokers Services to the cluster set', () => {
    const exports = staging.filter((o) => o.kind === 'ServiceExport');
    expect(exports.map((o) => o.apiVersion)).toEqual(['multicluster.x-k8s.io/v1alpha1', 'multicluster.x-k8s.io/v1alpha1']);
    expect(exports.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort())
      .toEqual([`${kafka.metadata.namespace}/staging-kafka-kafka-bootstrap`, `${kafka.metadata.namespace}/staging-kafka-kafka-brokers`]);
  });

  it('admits only staging-dr pods on that listener, and the Kafka passes the Strimzi CRD schema', () => {
    expect(listener.networkPolicyPeers).toEqual([{ ipBlock: { cidr: '10.61.0.0/16' } }]);
    for (const other of kafka.spec.kafka.listeners.filter((l: any) => l.name !== 'dr')) {
      expect(other.networkPolicyPeers).not.toContainEqual({ ipBlock: { cidr: '10.61.0.0/16' } });
      expect(other.configuration).toBeUndefined();
    }
    expect(validateStrimziObject(kafka)).toEqual([]);
  });
});

describe('StrimziKafkaCluster.bootstrapServers', () => {
  const listeners = [
    { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
    { name: 'dr', port: 9095, authentication: ClientAuthentication.scramSha512(), clusterSet: { clusterId: 'east' } },
  ];

  it('gives the in-cluster address of any listener and the cluster-set address of an exposed one', () => {
    const { cluster, chart } = strimziChart({ cluster: { listeners } });
    expect(cluster.bootstrapServers('scram')).toBe('orders-kafka-bootstrap.kafka.svc:9093');
    expect(cluster.bootstrapServers('dr', ListenerReach.CLUSTER_SET)).toBe('orders-kafka-bootstrap.kafka.svc.clusterset.local:9095');
    expect(find(synth(chart), 'ServiceExport', 'orders-kafka-brokers').metadata.namespace).toBe('kafka');
  });

  it('refuses the cluster-set address of a listener that is not exposed to the cluster set', () => {
    const { cluster } = strimziChart({ cluster: { listeners } });
    expect(() => cluster.bootstrapServers('scram', ListenerReach.CLUSTER_SET))
      .toThrow(/KIAC-PROP \[kafka\/Kafka listener scram\] clusterSet is 'none'; .*cannot connect with hostname verification.*clusterSet: \{ clusterId/);
  });

  it('writes no ServiceExport when no listener is exposed', () => {
    const { chart } = strimziChart();
    expect(synth(chart).filter((o) => o.kind === 'ServiceExport')).toEqual([]);
  });

  it('refuses clusterSet on a listener that is not internal, and a cluster ID that is not a DNS label', () => {
    expect(() => strimziChart({ cluster: { listeners: [{ ...listeners[1], type: StrimziListenerType.CLUSTER_IP }] } }))
      .toThrow(/KIAC-PROP .*listener dr\] clusterSet is 'cluster-ip'; expected an internal listener/);
    expect(() => strimziChart({ cluster: { listeners: [{ ...listeners[1], clusterSet: { clusterId: 'East_1' } }] } }))
      .toThrow(/clusterSet\.clusterId/);
  });
});
