import { JsonPatch } from 'cdk8s';
import { toPropertiesText } from '../../lib/model/broker-config';
import { KafkaStatefulSetCluster, type KafkaStatefulSetClusterProps } from '../../lib/targets/statefulset/kafka-statefulset-cluster';
import { fixtureClusterProps, kubernetesFixtureChart, type KubernetesFixtureOptions } from './strimzi-fixture';

export { KMS_KEY, expectCompliant, expectViolation, find, synth, synthError } from './strimzi-fixture';
export const BROKERS_PATH = 'kafka/Kafka/Brokers';
export const CONTROLLERS_PATH = 'kafka/Kafka/Controllers';
export const BROKER_CONFIG_PATH = 'kafka/Kafka/BrokersConfig';
export const CONTROLLER_CONFIG_PATH = 'kafka/Kafka/ControllersConfig';
export const COMBINED_PATH = 'kafka/Kafka/Combined';

/** A chart `kafka` with a KafkaStatefulSetCluster `Kafka` named `orders` (3 controllers, 3 brokers, 3 zones). */
export function statefulSetChart(options: KubernetesFixtureOptions & { cluster?: Partial<KafkaStatefulSetClusterProps> } = {}) {
  const { app, chart, environment } = kubernetesFixtureChart(options);
  const cluster = new KafkaStatefulSetCluster(chart, 'Kafka', { ...fixtureClusterProps(), ...options.cluster });
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
