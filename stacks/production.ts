import type { KafkaApp } from '../lib/app/kafka-app';
import { MskCloudWatchAlarms } from '../lib/aws/cloudwatch/msk-cloudwatch-alarms';
import { MskCluster } from '../lib/aws/msk/msk-cluster';
import { MskScramUser } from '../lib/aws/msk/msk-scram-user';
import { KafkaNetwork } from '../lib/aws/network/kafka-network';
import { ClientAuthentication } from '../lib/core/client-authentication';
import { CapacityPlan } from '../lib/core/capacity-planner';
import { ClientNetwork } from '../lib/core/client-network';
import { Environment } from '../lib/core/environment';
import { KafkaVersion } from '../lib/core/kafka-version';
import { MskPrometheusMonitoring } from '../lib/monitoring/msk-prometheus-monitoring';
import { defineProductionAccess } from './access/production-access';

/**
 * The production environment: MSK in us-east-1 with 6 brokers over 3 zones, SCRAM and IAM
 * clients from the application VPC (10.20.0.0/16), scraped by Prometheus from the
 * monitoring subnet (10.30.8.0/24).
 */
export function defineProduction(app: KafkaApp): Environment {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const stack = app.stack(environment);
  // CAP-001..003: 2,000 msg/s of 1 KiB kept 7 days at RF 3, +50% a year for 12 months; 50,000 msg/s per m7g.xlarge broker.
  const plan = CapacityPlan.forWorkload({
    name: 'shop-orders',
    messagesPerSecond: 2_000,
    averageMessageBytes: 1_024,
    retentionSeconds: 7 * 24 * 3600,
    brokerCapacityMessagesPerSecond: 50_000,
    consumerMessagesPerSecond: 500,
    consumersWanted: 12,
    annualGrowthRate: 0.5,
    planningHorizonMonths: 12,
  });
  const network = new KafkaNetwork(stack, 'Network', {
    cidrBlock: '10.40.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
    prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus monitoring subnet')],
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
  plan.applyToCluster(kafka);
  plan.attachTo(environment);
  // Monitoring (MON, SLO): CloudWatch alarms on a KMS-encrypted SNS topic, and Prometheus rules for open monitoring.
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers, consumerGroups: [{ group: 'orders-service', topic: 'orders' }] });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  const ordersService = new MskScramUser(stack, 'OrdersService', { cluster: kafka, userName: 'orders-service' });
  defineProductionAccess(stack, environment, kafka, [ordersService]);
  return environment;
}
