import type { KafkaApp } from '../lib/app/kafka-app';
import { MskCloudWatchAlarms } from '../lib/aws/cloudwatch/msk-cloudwatch-alarms';
import { MskCluster } from '../lib/aws/msk/msk-cluster';
import { KafkaNetwork } from '../lib/aws/network/kafka-network';
import { ClientAuthentication } from '../lib/core/client-authentication';
import { ClientNetwork } from '../lib/core/client-network';
import type { Environment } from '../lib/core/environment';
import { KafkaVersion } from '../lib/core/kafka-version';
import { MskPrometheusMonitoring } from '../lib/monitoring/msk-prometheus-monitoring';
import { shopProductionPlan } from './shop-capacity';

/**
 * The DR peer of production: a production-profile MSK cluster in us-west-2 that follows every
 * HA and SEC rule (DR-004). Replication from production is added by the DR work.
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
  plan.applyToCluster(kafka);
  plan.attachTo(environment);
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  return environment;
}
