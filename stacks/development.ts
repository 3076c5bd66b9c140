import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
import type { KafkaApp } from '../lib/app/kafka-app';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { CapacityPlan } from '../lib/model/capacity/capacity-planner';
import { ClientNetwork } from '../lib/model/client-network';
import { Environment } from '../lib/model/environment';
import { KafkaStatefulSetCluster } from '../lib/targets/statefulset/kafka-statefulset-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { KafkaGrafanaDashboards } from '../lib/targets/kubernetes/kafka-grafana-dashboards';
import { StatefulSetAccessJob } from '../lib/targets/statefulset/statefulset-access-job';
import { declareShopAccess } from './access/shop-access';
import { SHOP_PLANNED_TOPICS } from './shop-capacity';
import { KafkaAlertRouting } from '../lib/targets/kubernetes/kafka-alert-routing';
import { developmentAlertRouting } from './shop-alert-routing';

/**
 * The development environment: plain Kubernetes StatefulSets with the official `apache/kafka`
 * image, no operator. One combined KRaft node (controller and broker): the HA rules are relaxed
 * here and report warnings; every other rule (TLS, authentication, ACLs, secrets, encryption,
 * NetworkPolicies) is in force.
 */
export function defineDevelopment(app: KafkaApp): Environment {
  const environment = Environment.development({ name: 'development', region: 'us-east-1' });
  const chart = app.chart(environment, 'kafka');
  const kafka = new KafkaStatefulSetCluster(chart, 'Kafka', {
    clusterName: 'dev-kafka',
    combinedNode: true,
    brokers: { memory: '4Gi', cpu: '1', storageSize: '20Gi' },
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    listeners: [
      { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
      { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
    ],
    clientNetworks: [
      ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders-dev' }, description: 'orders services (dev)' }),
    ],
    prometheusNetworks: [
      ClientNetwork.kubernetesPeer({
        namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
        podLabels: { 'app.kubernetes.io/name': 'prometheus' },
        description: 'Prometheus',
      }),
    ],
    admins: ['kafka-admin'],
  });
  // CAP-001..003: 10 msg/s of 1 KiB kept 7 days on one node (RF 1, one zone), read by one consumer of 500 msg/s.
  const plan = CapacityPlan.forWorkload({
    name: 'shop-orders (dev)', messagesPerSecond: 10, averageMessageBytes: 1_024, retentionSeconds: 7 * 24 * 3600,
    replicationFactor: 1, zones: 1, minimumBrokers: 1, consumerMessagesPerSecond: 500, consumersWanted: 1,
  });
  CapacityPlanAnnotations.applyToCluster(plan, kafka);
  plan.attachTo(environment);
  // Access (SEC-004/005): the shop's topics (RF 1 on the single node) and ACLs, applied by a Job with the image's own admin tools.
  const access = new StatefulSetAccessJob(chart, 'Access', {
    model: declareShopAccess(environment, { iamApplications: false, replication: { replicationFactor: 1, minInsyncReplicas: 1 } }),
    clusterName: kafka.clusterName,
    image: kafka.image,
    bootstrapServers: kafka.bootstrapServers,
    adminSecretName: kafka.adminSecretNames.get('kafka-admin'),
    clusterCaSecretName: kafka.caCertificateSecretName,
  });
  CapacityPlanAnnotations.applyToTopics(plan, access, { topics: SHOP_PLANNED_TOPICS });
  // Monitoring (MON, SLO): PodMonitors, a PrometheusRule, promtool tests and runbooks; one combined node.
  new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'dev-kafka', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 1 });
  // Dashboards (operational, SLOs) as ConfigMaps for the Grafana sidecar.
  new KafkaGrafanaDashboards(chart, 'Dashboards', { clusterName: 'dev-kafka' });
  // Alert routing: development never pages; every alert goes to Slack.
  new KafkaAlertRouting(chart, 'AlertRouting', { routing: developmentAlertRouting() });
  return environment;
}
