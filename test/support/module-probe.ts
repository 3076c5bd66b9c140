// Run as a child process by test/project/entry-points.test.ts (never imported by a test):
//   node --import tsx test/support/module-probe.ts <scenario>[,<scenario>...] <out dir>
// with scenarios msk, msk-dashboards and kubernetes. Each builds and synthesizes a small app
// through one entry point only (lib/msk.ts or lib/kubernetes.ts), with every rule running, into
// <out dir>/<scenario>, then prints one JSON line: the module files first loaded while it ran
// (for the first scenario, everything the process loaded) and what its synthesis wrote. Loaded
// files are what the ES module resolver resolved (a resolve hook registered before the library
// is imported: the library's own .ts files and the entry of each package) plus require.cache (the
// CommonJS files of cdktf, cdk8s and the AWS provider, which they require from each other).
// Scenarios run in the order given; one that throws prints its error in its line and the next runs.
import { createRequire, register } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const [scenarios, outRoot] = process.argv.slice(2);
const resolvedLog = path.join(outRoot, 'resolved.txt');
const RESOLVE_HOOK = `
import * as fs from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.startsWith('file:')) fs.appendFileSync(log, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`, { data: { log: resolvedLog } });

/** What an app built in a scenario tells the probe: the message of the target it could not use. */
type Scenario = (out: string) => Promise<string>;

async function mskApp(out: string, dashboards: boolean): Promise<string> {
  const k = await import('../../lib/msk');
  const app = new k.KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist') });
  const stack = app.stack(k.Environment.production({ name: 'production', region: 'us-east-1' }));
  const network = new k.KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [k.ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
    prometheusSources: [k.ClientNetwork.cidr('10.30.8.0/24', 'Prometheus')],
  });
  const kafka = new k.MskCluster(stack, 'Kafka', {
    network, kafkaVersion: k.KafkaVersion.MSK_3_9_X_KRAFT, brokers: 3,
    authentication: [k.ClientAuthentication.scramSha512(), k.ClientAuthentication.iam()],
  });
  new k.MskCloudWatchAlarms(stack, 'Alarms', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  new k.MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: kafka.clusterName, brokers: kafka.brokers });
  if (dashboards) new k.MskDashboards(stack, 'Dashboards', { clusterName: kafka.clusterName });
  let chartError = '';
  try { app.chart(k.Environment.development({ name: 'sandbox', region: 'us-east-1' }), 'kafka'); } catch (e) { chartError = (e as Error).message; }
  app.synth();
  return chartError;
}

async function kubernetesApp(out: string): Promise<string> {
  const k = await import('../../lib/kubernetes');
  const app = new k.KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist') });
  const staging = k.Environment.staging({ name: 'staging', region: 'us-east-1' });
  const chart = app.chart(staging, 'kafka');
  new k.StrimziKafkaCluster(chart, 'Kafka', {
    clusterName: 'staging-kafka',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    brokerPools: [{ replicas: 3, memory: '8Gi', storageSize: '200Gi' }],
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
    listeners: [{ name: 'scram', port: 9093, authentication: k.ClientAuthentication.scramSha512() }],
    clientNetworks: [k.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    admins: ['platform-admin'],
  });
  new k.KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: k.KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
  let stackError = '';
  try { app.stack(staging); } catch (e) { stackError = (e as Error).message; }
  app.synth();
  return stackError;
}

const SCENARIOS: Record<string, Scenario> = {
  'msk': (out) => mskApp(out, false),
  'msk-dashboards': (out) => mskApp(out, true),
  'kubernetes': kubernetesApp,
};

function written(out: string): string[] {
  if (!fs.existsSync(out)) return [];
  return fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name))).sort();
}

/** Every module file loaded so far. */
function loadedSoFar(): Set<string> {
  const resolved = fs.existsSync(resolvedLog) ? fs.readFileSync(resolvedLog, 'utf8').split('\n').filter((l) => l).map((u) => new URL(u).pathname) : [];
  return new Set([...resolved, ...Object.keys(createRequire(import.meta.url).cache)]);
}

async function main(): Promise<void> {
  let before = new Set<string>();
  for (const name of scenarios!.split(',')) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`module-probe: unknown scenario '${name}'`);
    const out = path.join(outRoot!, name);
    try {
      const targetError = await scenario(out);
      const now = loadedSoFar();
      console.log(JSON.stringify({ scenario: name, loaded: [...now].filter((f) => !before.has(f)).sort(), written: written(out), targetError }));
      before = now;
    } catch (e) {
      console.log(JSON.stringify({ scenario: name, error: e instanceof Error ? e.stack : String(e) }));
      before = loadedSoFar();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
