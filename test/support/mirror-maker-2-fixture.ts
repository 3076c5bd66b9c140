import { Testing } from 'cdk8s';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment } from '../../lib/model/environment';
import { DrDuration } from '../../lib/model/dr/dr-duration';
import { DrPairing, type DrPairingProps } from '../../lib/model/dr/dr-pairing';
import { MirrorMaker2Access } from '../../lib/model/dr/mirror-maker-2-access';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { MirrorMaker2Cluster } from '../../lib/targets/strimzi/mirror-maker-2-cluster';
import { StrimziMirrorMaker2, type StrimziMirrorMaker2Props } from '../../lib/targets/strimzi/strimzi-mirror-maker-2';
import { StrimziKafkaCluster } from '../../lib/targets/strimzi/strimzi-kafka-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { AccessModel } from '../../lib/model/access/access-model';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { SCRATCH_APP } from './scratch';

export const KMS_KEY = 'arn:aws:kms:us-west-2:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11';
export const MM2_PATH = 'kafka/MirrorMaker2/Resource';
export const DR_KAFKA_PATH = 'kafka/Kafka/Resource';

/** The shop topics and groups, declared the same way on both sides. */
export function shopModel(environment: Environment): AccessModel {
  const access = new AccessModel({ environment });
  const orders = access.addTopic('orders', { partitions: 12 });
  const payments = access.addTopic('payments', { partitions: 6 });
  const audit = access.addTopic('audit.events', { partitions: 3 });
  const paymentsService = access.addPrincipal('payments-service', { authentication: ClientAuthentication.scramSha512() });
  orders.grantConsume(paymentsService, { group: 'payments' });
  payments.grantProduce(paymentsService);
  const sink = access.addPrincipal('audit-sink', { authentication: ClientAuthentication.scramSha512() });
  audit.grantConsume(sink, { group: 'audit-', groupIsPrefix: true });
  access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
  return access;
}

export interface DrFixtureOptions {
  readonly pairing?: Partial<DrPairingProps>;
  readonly mm2?: Partial<StrimziMirrorMaker2Props>;
  /** Add the MON-010 monitoring (on by default). */
  readonly monitoring?: boolean;
}

/**
 * A staging primary (us-east-1) and its production-profile DR peer `staging-dr` (us-west-2):
 * the peer chart `kafka` holds the DR StrimziKafkaCluster `Kafka`, its access (`Access`, with
 * the MirrorMaker 2 target principal), the StrimziMirrorMaker2 `MirrorMaker2` and the
 * monitoring with MON-010.
 */
export function drFixture(options: DrFixtureOptions = {}) {
  const primary = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const peer = primary.drPeer({ name: 'staging-dr', region: 'us-west-2' });
  const primaryAccess = shopModel(primary);
  const pairing = new DrPairing({ primary, peer, access: primaryAccess, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30), ...options.pairing });
  const sourcePrincipal = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.scramSha512() });
  const peerAccess = shopModel(peer);
  const targetPrincipal = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.scramSha512() });
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment: peer });
  const cluster = new StrimziKafkaCluster(chart, 'Kafka', {
    clusterName: 'staging-dr-kafka',
    kmsKeyId: KMS_KEY,
    clientNetworks: [
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } }),
      StrimziMirrorMaker2.clientNetwork('mm2-staging-to-staging-dr'),
    ],
    admins: ['kafka-admin'],
  });
  const access = new StrimziAccess(chart, 'Access', { model: peerAccess, clusterName: cluster.clusterName });
  const mm2 = new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
    pairing,
    source: MirrorMaker2Cluster.strimzi({
      clusterName: 'staging-kafka', principal: sourcePrincipal,
      bootstrapServers: 'staging-kafka-kafka-bootstrap.kafka.svc.clusterset.local:9093', credentialsSecret: 'staging-mirror-maker-2',
    }),
    target: MirrorMaker2Cluster.strimzi({ clusterName: cluster.clusterName, principal: targetPrincipal }),
    ...options.mm2,
  });
  const monitoring = options.monitoring === false ? undefined : new KafkaPrometheusMonitoring(chart, 'Monitoring', {
    clusterName: cluster.clusterName, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
    replicationRpo: PrometheusDuration.seconds(pairing.rpo.seconds), mirrorMakerSelector: mm2.podSelector,
  });
  return { app, chart, primary, peer, pairing, primaryAccess, peerAccess, sourcePrincipal, targetPrincipal, cluster, access, mm2, monitoring };
}
