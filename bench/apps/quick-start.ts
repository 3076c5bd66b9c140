// The README quick start as written, importing the root entry point (`kafka-iac`). Compiled to
// CommonJS, it loads the Kubernetes side only on first use (scripts/build.ts, lazyRootEntryPoint),
// so never here. Run by bench/run.ts (compiled to JavaScript, plain node) in an empty folder.
import {
  ClientAuthentication, ClientNetwork, Environment, KafkaApp, KafkaNetwork, KafkaVersion, MskCloudWatchAlarms,
  MskCluster, MskPrometheusMonitoring,
} from '../../lib/index';

const app = new KafkaApp();
const production = Environment.production({ name: 'production', region: 'us-east-1' });
const stack = app.stack(production);

const network = new KafkaNetwork(stack, 'Network', {
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
  prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus')],
});
const kafka = new MskCluster(stack, 'Kafka', {
  network,
  kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT,
  brokers: 3,
  authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
});
new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });

app.synth();
