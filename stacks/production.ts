import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
import type { KafkaApp } from '../lib/app/kafka-app';
import { MskCloudWatchAlarms } from '../lib/targets/msk/msk-cloudwatch-alarms';
import { shopAlarmNotifications, shopAlertRouting } from './shop-alert-routing';
import { AlertmanagerConfigFile } from '../lib/contract/alertmanager-config';
import { MskCluster } from '../lib/targets/msk/msk-cluster';
import { MskScramUser } from '../lib/targets/msk/msk-scram-user';
import { KafkaNetwork } from '../lib/targets/msk/kafka-network';
import { MskReplicationSource } from '../lib/targets/msk/msk-replication-source';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { ClientNetwork } from '../lib/model/client-network';
import { Environment } from '../lib/model/environment';
import { KafkaIacError } from '../lib/model/errors';
import { KafkaVersion } from '../lib/model/kafka-version';
import { MskPrometheusMonitoring } from '../lib/targets/msk/msk-prometheus-monitoring';
import { MskDashboards } from '../lib/targets/msk/msk-dashboards';
import type { DashboardCluster } from '../lib/contract/dashboards';
import { defineProductionAccess } from './access/production-access';
import { SHOP_PLANNED_TOPICS, shopProductionPlan } from './shop-capacity';

/**
 * The production environment: MSK in us-east-1 with 6 brokers over 3 zones, SCRAM and IAM
 * clients from the application VPC (10.20.0.0/16), scraped by Prometheus from the
 * monitoring subnet (10.30.8.0/24).
 */
export function defineProduction(app: KafkaApp): Environment {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const stack = app.stack(environment);
  // CAP-001..003: the shop's production plan (stacks/shop-capacity.ts).
  const plan = shopProductionPlan();
  const network = new KafkaNetwork(stack, 'Network', {
    cidrBlock: '10.40.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
    prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus monitoring subnet')],
  });
  // The path to the networks the security group admits (application VPC, Prometheus): the shared transit gateway.
  network.attachToTransitGateway('TransitGateway', { transitGatewayId: 'tgw-0a1b2c3d4e5f60718', destinationCidrBlocks: ['10.20.0.0/16', '10.30.8.0/24'] });
  const kafka = new MskCluster(stack, 'Kafka', {
    network,
    kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT,
    brokers: 6,
    instanceType: 'kafka.m7g.xlarge',
    volumeSizeGiB: 2000,
    storageAutoScaling: { maxVolumeSizeGiB: 8000, targetUtilizationPercent: 60 },
    authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
    // DR: the MSK Replicator of the dr stack reaches production over PrivateLink with IAM.
    // MSK refuses this at creation: a new cluster gets it in a second apply.
    multiVpcConnectivity: { iam: true },
  });
  CapacityPlanAnnotations.applyToCluster(plan, kafka);
  plan.attachTo(environment);
  // Monitoring (MON, SLO): CloudWatch alarms on a KMS-encrypted SNS topic, and Prometheus rules for open monitoring.
  // Routing: critical alarms page (the on-call tool's SNS endpoint, and e-mail), warnings go to Slack through a Lambda and to e-mail.
  new MskCloudWatchAlarms(stack, 'Alarms', {
    clusterName: kafka.clusterName, brokers: kafka.brokers, consumerGroups: [{ group: 'orders-service', topic: 'orders' }],
    notifications: shopAlarmNotifications('us-east-1'),
  });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers, kafkaVersion: kafka.kafkaVersion });
  // Dashboards: Grafana (operational, SLOs) in dist/production/grafana/, and a CloudWatch dashboard over the alarms' metrics.
  // The runbooks link each alert to its panel on the Grafana that loads them (grafanaUrl).
  productionDashboards.set(environment, new MskDashboards(stack, 'Dashboards', { clusterName: kafka.clusterName, grafanaUrl: 'https://grafana.shop.example.com' }).cluster);
  // The routing of the open-monitoring alerts, for the Alertmanager beside that Prometheus (dist/production/alertmanager/).
  AlertmanagerConfigFile.addTo(environment, shopAlertRouting({ slackChannel: '#kafka-production-alerts' }));
  const ordersService = new MskScramUser(stack, 'OrdersService', { cluster: kafka, userName: 'orders-service' });
  const access = defineProductionAccess(stack, environment, kafka, [ordersService]);
  CapacityPlanAnnotations.applyToTopics(plan, access, { topics: SHOP_PLANNED_TOPICS });
  // DR-001: the source side of the MSK Replicator in the dr stack (cluster policy, outputs dr takes as variables).
  replicationSources.set(environment, new MskReplicationSource(stack, 'ReplicationSource', { cluster: kafka }));
  return environment;
}

const replicationSources = new WeakMap<Environment, MskReplicationSource>();
const productionDashboards = new WeakMap<Environment, DashboardCluster>();

/** What production's dashboards are drawn from, for the overview its DR peer (stacks/dr.ts) writes. */
export function productionDashboardCluster(production: Environment): DashboardCluster | undefined {
  return productionDashboards.get(production);
}

/** The MSK Replicator source of the production example, which its DR peer (stacks/dr.ts) replicates from. */
export function productionReplicationSource(production: Environment): MskReplicationSource {
  const source = replicationSources.get(production);
  if (!source) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-ENV', path: `Environment ${production.name}`, prop: 'production', found: production.name,
      expected: 'the environment defineProduction returned', fix: 'Call defineProduction(app) first and pass its environment.',
    });
  }
  return source;
}
