import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
import type { KafkaApp } from '../lib/app/kafka-app';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { ClientNetwork } from '../lib/model/client-network';
import type { Environment } from '../lib/model/environment';
import { DrDuration } from '../lib/model/dr/dr-duration';
import { DrPairing } from '../lib/model/dr/dr-pairing';
import { DrStrategy } from '../lib/model/dr/dr-strategy';
import { MirrorMaker2Access } from '../lib/model/dr/mirror-maker-2-access';
import { KafkaUser, type KafkaUserSpec } from '../lib/imports/kafka.strimzi.io';
import { MirrorMaker2Cluster } from '../lib/targets/strimzi/mirror-maker-2-cluster';
import { StrimziMirrorMaker2 } from '../lib/targets/strimzi/strimzi-mirror-maker-2';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { KafkaGrafanaDashboards, KafkaOverviewDashboard } from '../lib/targets/kubernetes/kafka-grafana-dashboards';
import { stagingDashboardCluster } from './staging';
import { PrometheusDuration } from '../lib/model/monitoring/prometheus-duration';
import { StrimziAccess, renderKafkaUser } from '../lib/targets/strimzi/strimzi-access';
import { declareShopAccess } from './access/shop-access';
import { ListenerReach } from '../lib/targets/strimzi/strimzi-listener';
import { STAGING_DR_LISTENER, type StagingEnvironment } from './staging';
import { SHOP_PLANNED_TOPICS } from './shop-capacity';
import { KafkaAlertRouting } from '../lib/targets/kubernetes/kafka-alert-routing';
import { shopAlertRouting } from './shop-alert-routing';
import { shopStagingPlan, shopStrimziCluster } from './shop-strimzi-cluster';

/** The pod network of the us-west-2 Kubernetes cluster, admitted by staging's listeners (stacks/staging.ts). */
export const STAGING_DR_POD_CIDR = '10.61.0.0/16';

/**
 * The DR peer of staging: `staging-dr`, a production-profile Strimzi cluster in us-west-2
 * (DR-001, DR-004), kept in warm standby by MirrorMaker 2 (Strimzi to Strimzi):
 * - the pairing: every topic and consumer group of the shop model, identity names (failover),
 *   offsets synced, RPO 5 minutes, RTO 30 minutes (DR-002, DR-003);
 * - on staging (`dist/staging/dr-source.k8s.yaml`): the MirrorMaker 2 source principal, read-only
 *   (the offset-syncs topic lives on the target);
 * - on staging-dr: the DR cluster with the same topics and users as staging, the MirrorMaker 2
 *   target principal, the `KafkaMirrorMaker2`, MON-010 alerts at the RPO with promtool tests and
 *   runbooks, and the drill (`dist/staging-dr/dr-drill-staging-to-staging-dr.md`).
 *
 * MirrorMaker 2 reaches staging through staging's `dr` listener, exposed to the cluster set:
 * `staging.kafka.bootstrapServers('dr', ListenerReach.CLUSTER_SET)` is the bootstrap Service's
 * `svc.clusterset.local` name, which the brokers' certificates carry, and the brokers advertise
 * their pods' cluster-set names (a listener without `clusterSet` is refused there).
 *
 * Prerequisites outside this code: a Multi-Cluster Services implementation joining both
 * Kubernetes clusters into one cluster set (it imports the ServiceExports staging writes), and two Secrets copied into
 * staging-dr's namespace: `staging-kafka-cluster-ca-cert` and `staging-mirror-maker-2` (the source
 * principal's password, created by staging's User Operator).
 */
export function defineStagingDr(app: KafkaApp, stagingEnvironment: StagingEnvironment): Environment {
  const staging = stagingEnvironment.environment;
  const stagingKafka = stagingEnvironment.kafka;
  const peer = staging.drPeer({ name: 'staging-dr', region: 'us-west-2' });
  // The topics and groups of staging, declared by the same function staging renders its access from.
  const stagingAccess = declareShopAccess(staging, { iamApplications: false });
  const pairing = new DrPairing({
    primary: staging, peer, access: stagingAccess,
    rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30), strategy: DrStrategy.WARM_STANDBY,
  });

  // On staging: the MirrorMaker 2 source principal (Read/Describe/DescribeConfigs on the topics, Describe on the groups and the cluster).
  const sourcePrincipal = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.scramSha512() });
  const sourceChart = app.chart(staging, 'dr-source');
  const sourceUser = renderKafkaUser(sourcePrincipal, stagingKafka.clusterName, sourceChart.node.path);
  new KafkaUser(sourceChart, 'MirrorMaker2User', { metadata: sourceUser.metadata, spec: sourceUser.spec as KafkaUserSpec });

  // On staging-dr: the DR cluster, sized and secured as staging (every HA and SEC rule, production profile).
  const chart = app.chart(peer, 'kafka');
  const mm2Name = `mm2-${pairing.name}`;
  const kafka = shopStrimziCluster(chart, {
    clusterName: 'staging-dr-kafka',
    region: 'us-west-2',
    kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/0a6d3c55-2f1e-4b8a-9d47-5e2c1b7f9a30',
    clientNetworks: [
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' }, description: 'orders services (after failover)' }),
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'payments' }, description: 'payments services (after failover)' }),
      StrimziMirrorMaker2.clientNetwork(mm2Name),
    ],
  });
  // CAP-001..003: the DR copy holds everything staging holds (the same plan).
  const plan = shopStagingPlan('shop-orders (replica)');
  CapacityPlanAnnotations.applyToCluster(plan, kafka);
  plan.attachTo(peer);
  // Access: the shop's topics and users (for clients after failover) and the MirrorMaker 2 target principal.
  const peerAccess = declareShopAccess(peer, { iamApplications: false });
  const targetPrincipal = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.scramSha512() });
  const access = new StrimziAccess(chart, 'Access', { model: peerAccess, clusterName: kafka.clusterName });
  CapacityPlanAnnotations.applyToTopics(plan, access, { topics: SHOP_PLANNED_TOPICS });

  // Replication (DR-001..005): MirrorMaker 2 next to the DR cluster; the drill document comes with it.
  const mm2 = new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
    pairing,
    name: mm2Name,
    source: MirrorMaker2Cluster.strimzi({
      clusterName: stagingKafka.clusterName, principal: sourcePrincipal,
      bootstrapServers: stagingKafka.bootstrapServers(STAGING_DR_LISTENER, ListenerReach.CLUSTER_SET), credentialsSecret: `staging-${sourcePrincipal.name}`,
    }),
    target: MirrorMaker2Cluster.strimzi({ clusterName: kafka.clusterName, principal: targetPrincipal }),
  });
  // Monitoring (MON, SLO) with MON-010 at the RPO on the MirrorMaker 2 pods; 3 controllers + 3 brokers.
  new KafkaPrometheusMonitoring(chart, 'Monitoring', {
    clusterName: kafka.clusterName, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
    replicationRpo: PrometheusDuration.seconds(pairing.rpo.seconds), mirrorMakerSelector: mm2.podSelector,
  });
  // Dashboards for the Grafana sidecar: operational, SLOs, DR (MirrorMaker 2 latency against the RPO), and an
  // overview of staging and staging-dr (for a Grafana that sees both regions).
  // The runbooks link each alert to its panel on that Grafana (grafanaUrl, with its sub-path).
  const dashboards = new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: kafka.clusterName, dr: true, grafanaUrl: 'https://ops.shop.example.com/grafana' });
  const primary = stagingDashboardCluster(staging);
  if (primary) new KafkaOverviewDashboard(chart, 'Overview', { name: 'shop-staging', clusters: [primary, dashboards.cluster] });
  // Alert routing: the DR cluster pages like staging (MON-010 is critical: replication behind the RPO).
  new KafkaAlertRouting(chart, 'AlertRouting', { routing: shopAlertRouting({ slackChannel: '#kafka-staging-alerts' }) });
  return peer;
}
