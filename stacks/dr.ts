import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
import type { KafkaApp } from '../lib/app/kafka-app';
import { MskCloudWatchAlarms } from '../lib/targets/msk/msk-cloudwatch-alarms';
import { shopAlarmNotifications, shopAlertRouting } from './shop-alert-routing';
import { AlertmanagerConfigFile } from '../lib/contract/alertmanager-config';
import { MskReplicatorAlarms } from '../lib/targets/msk/msk-replicator-alarms';
import { MskCluster } from '../lib/targets/msk/msk-cluster';
import { KafkaNetwork } from '../lib/targets/msk/kafka-network';
import { MskClusterReference } from '../lib/targets/msk/msk-cluster-reference';
import { MskReplicator } from '../lib/targets/msk/msk-replicator';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { ClientNetwork } from '../lib/model/client-network';
import type { Environment } from '../lib/model/environment';
import { KafkaVersion } from '../lib/model/kafka-version';
import { DrDuration } from '../lib/model/dr/dr-duration';
import { DrPairing } from '../lib/model/dr/dr-pairing';
import { DrStrategy } from '../lib/model/dr/dr-strategy';
import { MskPrometheusMonitoring } from '../lib/targets/msk/msk-prometheus-monitoring';
import { MskDashboards, MskOverviewDashboard } from '../lib/targets/msk/msk-dashboards';
import { defineProductionAccess } from './access/production-access';
import { declareShopAccess } from './access/shop-access';
import { productionDashboardCluster, productionReplicationSource } from './production';
import { SHOP_PLANNED_TOPICS, SHOP_PRODUCTION_WORKLOAD, shopProductionPlan } from './shop-capacity';

/**
 * The DR peer of production: a production-profile MSK cluster in us-west-2 that follows every
 * HA and SEC rule (DR-004), kept as a hot standby by MSK Replicator (DR-001):
 * - the pairing: every topic and consumer group of the shop's access model, RPO 5 min,
 *   RTO 30 min, failover with identical topic names and synced offsets (DR-002, DR-003);
 * - the replicator in this region, reading production over multi-VPC connectivity; production's
 *   ARN and subnets come in as the variables `replication_source_cluster_arn` and
 *   `replication_source_subnet_ids`, fed from the production stack's outputs of the same names,
 *   so this stack plans without reading production's state (see docs/dr.md);
 * - MON-010 alarms on ReplicationLatency (the RPO) and MessageLag (one RPO of the planned rate);
 * - the same principals as production on this cluster (IAM policies, SCRAM users, ACLs), so
 *   applications can fail over.
 */
export function defineDr(app: KafkaApp, production: Environment): Environment {
  const environment = production.drPeer({ name: 'dr', region: 'us-west-2' });
  const stack = app.stack(environment);
  const network = new KafkaNetwork(stack, 'Network', {
    cidrBlock: '10.41.0.0/16',
    availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
    clientNetworks: [ClientNetwork.cidr('10.21.0.0/16', 'application VPC (us-west-2)')],
    prometheusSources: [ClientNetwork.cidr('10.31.8.0/24', 'Prometheus monitoring subnet (us-west-2)')],
  });
  const kafka = new MskCluster(stack, 'Kafka', {
    network,
    kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT,
    brokers: 6,
    instanceType: 'kafka.m7g.xlarge',
    volumeSizeGiB: 2000,
    storageAutoScaling: { maxVolumeSizeGiB: 8000, targetUtilizationPercent: 60 },
    authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
  });
  // CAP-001..003: the DR peer holds everything production holds (the same plan as production).
  const plan = shopProductionPlan('shop-orders (replica)');
  CapacityPlanAnnotations.applyToCluster(plan, kafka);
  plan.attachTo(environment);
  // Routing as in production; the Slack forwarder runs in us-west-2, beside the topics.
  const alarms = new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers, notifications: shopAlarmNotifications('us-west-2') });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers, kafkaVersion: kafka.kafkaVersion });
  // The routing of the open-monitoring alerts, for the Alertmanager beside that Prometheus (dist/dr/alertmanager/).
  AlertmanagerConfigFile.addTo(environment, shopAlertRouting({ slackChannel: '#kafka-production-alerts' }));

  // DR-001..003: what replicates from production, and the objectives.
  const pairing = new DrPairing({
    primary: production,
    peer: environment,
    access: declareShopAccess(production, { iamApplications: true }),
    rpo: DrDuration.minutes(5),
    rto: DrDuration.minutes(30),
    strategy: DrStrategy.HOT_STANDBY,
  });
  const replicator = new MskReplicator(stack, 'Replicator', {
    pairing,
    source: productionReplicationSource(production).referenceFrom(stack),
    target: MskClusterReference.fromCluster(kafka),
  });
  // MON-010: in this region, where the replicator's metrics are; on the cluster's alarm topic.
  new MskReplicatorAlarms(stack, 'ReplicatorAlarms', {
    replicatorName: replicator.replicatorName,
    rpoSeconds: pairing.rpo.seconds,
    messagesPerSecond: SHOP_PRODUCTION_WORKLOAD.messagesPerSecond,
    alarmTopicArn: alarms.topic.arn,
  });
  // Dashboards: Grafana (operational, SLOs), a CloudWatch dashboard over the alarms with the replicator's
  // latency against the RPO, and an overview of production and dr (for a Grafana that sees both regions).
  const dashboards = new MskDashboards(stack, 'Dashboards', { clusterName: kafka.clusterName, dr: true });
  const primary = productionDashboardCluster(production);
  if (primary) new MskOverviewDashboard(stack, 'Overview', { name: 'shop-production', clusters: [primary, dashboards.cluster] });
  // The applications' principals on the DR cluster, so that they can fail over to it.
  const access = defineProductionAccess(stack, environment, kafka);
  CapacityPlanAnnotations.applyToTopics(plan, access, { topics: SHOP_PLANNED_TOPICS });
  return environment;
}
