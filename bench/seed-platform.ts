import { CapacityPlanAnnotations } from '../lib/contract/capacity-plan-annotations';
// The seed-scale platform of issue 8 (seed 001's target): 5 Kafka clusters across 3 regions,
// MSK and Strimzi mixed, N topics and N/4 consumer groups with principals and grants, with
// every rule running at synthesis. Used by bench/run.ts; never by a test.
import type { Construct } from 'constructs';
import { KafkaApp } from '../lib/app/kafka-app';
import { MskCloudWatchAlarms } from '../lib/targets/msk/msk-cloudwatch-alarms';
import { MskCluster } from '../lib/targets/msk/msk-cluster';
import { KafkaNetwork } from '../lib/targets/msk/kafka-network';
import { CapacityPlan } from '../lib/model/capacity/capacity-planner';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { ClientNetwork } from '../lib/model/client-network';
import { Environment } from '../lib/model/environment';
import { KafkaVersion } from '../lib/model/kafka-version';
import { StrimziKafkaCluster } from '../lib/targets/strimzi/strimzi-kafka-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../lib/targets/msk/msk-prometheus-monitoring';
import { AccessModel } from '../lib/model/access/access-model';
import { MskAccess } from '../lib/targets/msk/msk-access';
import { StrimziAccess } from '../lib/targets/strimzi/strimzi-access';

export interface SeedPlatformProps {
  /** Topics in the whole platform (spread over the 5 clusters); N/4 consumer groups. */
  readonly topics: number;
  readonly terraformOutdir: string;
  readonly distDir: string;
}

interface ClusterSpec {
  readonly environment: Environment;
  readonly kind: 'msk' | 'strimzi';
  readonly name: string;
}

/** What the generator built, for the bench table. */
export interface SeedPlatform {
  readonly app: KafkaApp;
  readonly clusters: number;
  readonly topics: number;
  readonly groups: number;
  readonly principals: number;
  /** Which parts are the library's constructs and which are stand-ins until a construct lands. */
  readonly parts: readonly string[];
}

/**
 * Builds the platform. Where a target's construct has not landed yet, the generator writes the
 * same kind of resources itself (marked "stand-in" in `parts`), so the rules still see every
 * document a real platform would have.
 */
export function buildSeedPlatform(props: SeedPlatformProps): SeedPlatform {
  const app = new KafkaApp({ terraformOutdir: props.terraformOutdir, distDir: props.distDir, quiet: true });
  const east = Environment.production({ name: 'seed-us-east-1', region: 'us-east-1' });
  const west = Environment.production({ name: 'seed-us-west-2', region: 'us-west-2' });
  const eu = Environment.production({ name: 'seed-eu-west-1', region: 'eu-west-1' });
  const clusters: ClusterSpec[] = [
    { environment: east, kind: 'msk', name: 'orders' },
    { environment: east, kind: 'strimzi', name: 'events' },
    { environment: west, kind: 'msk', name: 'payments' },
    { environment: west, kind: 'strimzi', name: 'analytics' },
    { environment: eu, kind: 'strimzi', name: 'logistics' },
  ];

  const plan = CapacityPlan.forWorkload({
    name: 'seed-001', messagesPerSecond: 60_000, averageMessageBytes: 1024, retentionSeconds: 3 * 24 * 3600,
    brokerCapacityMessagesPerSecond: 10_000, consumerMessagesPerSecond: 2_000, consumersWanted: 12,
  });

  // One access model per cluster: topics round-robin, a producer per 4 topics, a consumer group
  // (with its own principal) per 4 topics.
  const models = clusters.map((c) => new AccessModel({ environment: c.environment, name: `${c.environment.name}/${c.name}` }));
  let principals = 0;
  let groups = 0;
  for (let i = 0; i < props.topics; i++) {
    const c = i % clusters.length;
    const model = models[c];
    const topic = model.addTopic(`t${i}.events`, { partitions: plan.partitionsPerTopic });
    const block = Math.floor(i / clusters.length);
    const auth = clusters[c].kind === 'msk' ? ClientAuthentication.iam() : ClientAuthentication.scramSha512();
    if (block % 4 === 0) {
      model.addPrincipal(`producer-${i}`, { authentication: auth });
      model.addPrincipal(`consumer-${i}`, { authentication: auth });
      principals += 2;
      groups++;
    }
    const owner = i - clusters.length * (block % 4);
    topic.grantProduce(model.principal(`producer-${owner}`)!);
    topic.grantConsume(model.principal(`consumer-${owner}`)!, { group: `group-${owner}` });
  }


  const stacks = new Map<Environment, ReturnType<KafkaApp['stack']>>();
  const charts = new Map<Environment, ReturnType<KafkaApp['chart']>>();
  clusters.forEach((c, i) => {
    const model = models[i];
    if (c.kind === 'msk') {
      let stack = stacks.get(c.environment);
      if (!stack) { stack = app.stack(c.environment); stacks.set(c.environment, stack); }
      const network = new KafkaNetwork(stack, `${c.name}-network`, {
        cidrBlock: `10.${40 + i}.0.0/16`,
        availabilityZones: ['a', 'b', 'c'].map((z) => `${c.environment.region}${z}`),
        clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
        prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus monitoring subnet')],
      });
      const cluster = new MskCluster(stack, c.name, {
        network, clusterName: `${c.environment.name}-${c.name}`, kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT,
        brokers: plan.brokers, instanceType: 'kafka.m7g.xlarge', volumeSizeGiB: plan.storagePerBrokerGiB,
        authentication: [ClientAuthentication.iam()],
      });
      CapacityPlanAnnotations.applyToCluster(plan, cluster);
      // IAM policies per principal, admin command lines for topics and ACLs, client properties.
      new MskAccess(stack, `${c.name}-access`, { model, cluster });
      // Monitoring: CloudWatch alarms (MON), MON and SLO rules for MSK open monitoring, promtool tests, scrape config.
      new MskCloudWatchAlarms(stack, `${c.name}-alarms`, { clusterName: cluster.clusterName, brokers: cluster.brokers });
      new MskPrometheusMonitoring(stack, `${c.name}-monitoring`, { clusterName: cluster.clusterName, brokers: cluster.brokers });
    } else {
      let chart = charts.get(c.environment);
      if (!chart) { chart = app.chart(c.environment, 'kafka'); charts.set(c.environment, chart); }
      strimziCluster(chart, c.name, model, plan);
    }
    plan.attachTo(c.environment);
  });

  return {
    app, clusters: clusters.length, topics: props.topics, groups, principals,
    parts: [
      'MSK: KafkaNetwork + MskCluster + MskAccess (IAM policy per principal, admin artefacts, client properties): library constructs',
      'Strimzi: StrimziKafkaCluster (Kafka, node pools, StorageClass, NetworkPolicies, metrics) + StrimziAccess (KafkaTopic, KafkaUser, client-properties ConfigMap per principal): library constructs',
      'monitoring: MskCloudWatchAlarms and MskPrometheusMonitoring per MSK cluster, KafkaPrometheusMonitoring (PodMonitors, PrometheusRule) per Strimzi cluster, with promtool tests and runbooks',
    ],
  };
}

/** A Strimzi cluster (StrimziKafkaCluster) sized from the plan, and its access model through StrimziAccess. */
function strimziCluster(scope: Construct, name: string, model: AccessModel, plan: CapacityPlan): void {
  const cluster = new StrimziKafkaCluster(scope, name, {
    clusterName: name,
    brokerPools: [{ replicas: plan.brokers, storageSize: `${plan.storagePerBrokerGiB}Gi` }],
    clientNetworks: [ClientNetwork.kubernetesPeer({ podLabels: { 'app.kubernetes.io/part-of': 'seed-apps' }, description: 'seed applications' })],
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  });
  CapacityPlanAnnotations.applyToCluster(plan, cluster);
  // Monitoring: PodMonitors and a PrometheusRule (MON and SLO rules) plus promtool tests.
  new KafkaPrometheusMonitoring(scope, `${name}-monitoring`, { clusterName: name, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: cluster.brokers + 3 });
  const access = new StrimziAccess(scope, `${name}-access`, { model, clusterName: name });
  CapacityPlanAnnotations.applyToTopics(plan, access);
}
