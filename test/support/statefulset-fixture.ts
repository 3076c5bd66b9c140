import { JsonPatch, Testing } from 'cdk8s';
import { toPropertiesText } from '../../lib/model/broker-config';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { suppressMonitoringRules } from './monitoring-rules';
import { KafkaStatefulSetCluster, type KafkaStatefulSetClusterProps } from '../../lib/targets/statefulset/kafka-statefulset-cluster';
import { SCRATCH_APP } from './scratch';

export { expectCompliant, expectViolation, find, synth, synthError } from './strimzi-fixture';

export const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11';
export const BROKERS_PATH = 'kafka/Kafka/Brokers';
export const CONTROLLERS_PATH = 'kafka/Kafka/Controllers';
export const BROKER_CONFIG_PATH = 'kafka/Kafka/BrokersConfig';
export const CONTROLLER_CONFIG_PATH = 'kafka/Kafka/ControllersConfig';
export const COMBINED_PATH = 'kafka/Kafka/Combined';

/** A chart `kafka` with a KafkaStatefulSetCluster `Kafka` named `orders` (3 controllers, 3 brokers, 3 zones). */
export function statefulSetChart(options: { profile?: EnvironmentProfile; enforceMonitoringRules?: boolean; cluster?: Partial<KafkaStatefulSetClusterProps> } = {}) {
  const profile = options.profile ?? EnvironmentProfile.PRODUCTION;
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment });
  // The MON rules are suppressed with a reason unless a test enforces them (the fixture has no monitoring).
  if (!options.enforceMonitoringRules) suppressMonitoringRules(chart);
  const cluster = new KafkaStatefulSetCluster(chart, 'Kafka', {
    clusterName: 'orders',
    kmsKeyId: KMS_KEY,
    clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    admins: ['platform-admin'],
    ...options.cluster,
  });
  return { app, chart, cluster, environment };
}

/**
 * An escape hatch on a node ConfigMap: a JSON patch that replaces its properties file with the
 * rendered properties changed by `changes` (undefined removes a key).
 */
export function patchProperties(nodeSet: KafkaStatefulSetCluster['brokers'], changes: Readonly<Record<string, string | undefined>>): void {
  const props: Record<string, string> = { ...nodeSet.properties };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete props[k];
    else props[k] = v;
  }
  const key = Object.keys(nodeSet.configMap.toJson().data ?? {}).find((k: string) => k.endsWith('.properties') && k !== 'log4j2.properties')!;
  nodeSet.configMap.addJsonPatch(JsonPatch.replace(`/data/${key}`, toPropertiesText(props)));
}
