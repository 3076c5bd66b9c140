import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { brokerDisruptionBudget, quorumDisruptionBudget } from '../../lib/model/disruption-budget';
import { EnvironmentProfile } from '../../lib/model/environment';
import { KafkaJmxMetricNames } from '../../lib/targets/kubernetes/jmx-exporter-rules';
import { KafkaNodeRole } from '../../lib/targets/statefulset/kafka-node-properties';
import { READINESS_RESPONSE_WAIT_SECONDS, READINESS_SCRIPT_KEY, readinessMetricNames } from '../../lib/targets/statefulset/kafka-readiness';
import { compiledJava } from '../support/java';
import { exported } from '../support/jmx-exporter-simulation';
import { UnknownFieldChecker, validateWithModel } from '../support/kubernetes-validation';
import { find, statefulSetChart, synth } from '../support/statefulset-fixture';

/*
 * Upstream facts pinned here (apache/kafka, read at commit 1eb7644 of trunk, Kafka 4.0 development):
 * - metadata/.../metadata/BrokerState.java: NOT_RUNNING 0, STARTING 1, RECOVERY 2 ("caught up with
 *   cluster metadata, but has not yet been unfenced"), RUNNING 3, PENDING_CONTROLLED_SHUTDOWN 6,
 *   SHUTTING_DOWN 7, UNKNOWN 127. core/.../server/KafkaBroker.scala (BrokerServer extends it):
 *   `new KafkaMetricsGroup("kafka.server", "KafkaServer")`, `newGauge("BrokerState", () => brokerState.value)`.
 * - core/.../server/ReplicaManager.scala: gauges LeaderCount (partitions led), PartitionCount
 *   (`allPartitions.size`), UnderReplicatedPartitions (partitions led whose ISR is smaller than
 *   their replicas). A restarted broker leads nothing, so its own count is 0 while it catches up.
 * - core/.../server/AbstractFetcherThread.scala: `FetcherLagMetrics` starts at -1
 *   (`new AtomicLong(-1L)`), gauge "ConsumerLag" with tags clientId, topic, partition; after each
 *   fetch `lag = Math.max(0L, partitionData.highWatermark - nextOffset)`. ReplicaFetcherManager
 *   names its threads (the clientId) `ReplicaFetcherThread-<fetcherId>-<leaderId>`.
 * - raft/.../internals/KafkaRaftMetrics.java: `current-state` is leader, candidate, voted, follower,
 *   unattached or observer (a broker).
 * - metadata/.../controller/metrics/QuorumControllerMetrics.java: kafka.controller:type=KafkaController,
 *   name=LastAppliedRecordLagMs = now - last applied record timestamp; OffsetControlManager sets
 *   it, on a standby controller, to the append time of each committed batch. KRaftConfigs:
 *   metadata.max.idle.interval.ms defaults to 500 (the active controller's NoOpRecords).
 * - docker/jvm/Dockerfile: `apk add --no-cache wget gcompat gpg gpg-agent procps bash` then
 *   `apk del wget gpg gpg-agent`: the image has bash, and neither wget nor curl.
 * prometheus/client_java 1.x (the HTTP server of jmx_exporter 1.x): `exporter.httpserver.HTTPServer`
 *   serves with the JDK's com.sun.net.httpserver.HttpServer, which the fixture server below uses.
 * kubernetes/kubernetes:
 * - pkg/registry/core/pod/storage/eviction.go: a pod selected by two budgets is refused with
 *   500 "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."
 * - pkg/controller/statefulset/stateful_set_control.go `updateStatefulSet`: with Parallel pod
 *   management the rolling update deletes the next pod once the updated one is available
 *   (ready for minReadySeconds); it does not wait on the other pods. So the restarted broker's
 *   own readiness has to mean "caught up".
 */

/**
 * The two charts most tests read, synthesized once for the file: the production chart (brokers
 * and controllers) and a development chart with a combined node. Each call returns a deep copy,
 * so no test sees what another one changed.
 */
function once(build: () => Record<string, any>[]): () => Record<string, any>[] {
  let objects: Record<string, any>[] | undefined;
  return () => structuredClone((objects ??= build()));
}
const productionObjects = once(() => synth(statefulSetChart().chart));
const combinedObjects = once(() => synth(statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } }).chart));

const SERVER_SOURCE = path.join(__dirname, 'fixtures', 'MetricsServer.java');
const N = KafkaJmxMetricNames;

describe('the readiness probe reads metrics that the shipped JMX exporter rules produce', () => {
  it.each([
    ['kafka.server<type=KafkaServer, name=BrokerState><>Value: 3', N.BROKER_STATE, {}],
    ['kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 0', N.UNDER_REPLICATED_PARTITIONS, {}],
    ['kafka.server<type=ReplicaManager, name=PartitionCount><>Value: 12', N.PARTITION_COUNT, {}],
    ['kafka.server<type=ReplicaManager, name=LeaderCount><>Value: 4', N.LEADER_COUNT, {}],
    ['kafka.server<type=FetcherLagMetrics, name=ConsumerLag, clientId=ReplicaFetcherThread-0-101, topic=orders, partition=3><>Value: 0',
      N.REPLICA_FETCHER_LAG, { clientId: 'ReplicaFetcherThread-0-101', topic: 'orders', partition: '3' }],
    ['kafka.controller<type=KafkaController, name=LastAppliedRecordLagMs><>Value: 120', N.LAST_APPLIED_RECORD_LAG_MS, {}],
    ['kafka.server<type=raft-metrics><>current-state: follower', N.RAFT_CURRENT_STATE, { current_state: 'follower' }],
  ])('%s is exported as %s', (bean, name, labels) => {
    expect(exported(bean)).toMatchObject({ name, labels });
  });

  it('each role reads only its own metrics', () => {
    expect(readinessMetricNames(KafkaNodeRole.BROKER)).not.toContain(N.RAFT_CURRENT_STATE);
    expect(readinessMetricNames(KafkaNodeRole.CONTROLLER)).toEqual([N.RAFT_CURRENT_STATE, N.LAST_APPLIED_RECORD_LAG_MS]);
    expect(readinessMetricNames(KafkaNodeRole.COMBINED)).toEqual([...readinessMetricNames(KafkaNodeRole.BROKER), ...readinessMetricNames(KafkaNodeRole.CONTROLLER)]);
  });
});

/** Exposition lines as jmx_exporter 1.x writes them (client_java prints doubles with Double.toString). */
function brokerMetrics(o: { state?: string; urp?: string; partitions?: string; leaders?: string; lags?: readonly string[]; extra?: readonly string[] } = {}): string {
  const lags = o.lags ?? ['0.0', '0.0'];
  return [
    `# HELP ${N.BROKER_STATE} Attribute exposed for management kafka.server:name=BrokerState,type=KafkaServer,attribute=Value`,
    `# TYPE ${N.BROKER_STATE} gauge`,
    ...(o.state === undefined ? [`${N.BROKER_STATE} 3.0`] : o.state === '' ? [] : [`${N.BROKER_STATE} ${o.state}`]),
    `${N.UNDER_REPLICATED_PARTITIONS} ${o.urp ?? '0.0'}`,
    `${N.PARTITION_COUNT} ${o.partitions ?? '3.0'}`,
    `${N.LEADER_COUNT} ${o.leaders ?? '1.0'}`,
    ...lags.map((v, i) => `${N.REPLICA_FETCHER_LAG}{clientId="ReplicaFetcherThread-0-10${i + 1}",partition="${i}",topic="orders"} ${v}`),
    // An intra-broker log directory move is not replication: not counted.
    `${N.REPLICA_FETCHER_LAG}{clientId="ReplicaAlterLogDirsThread-0",partition="7",topic="orders"} 512.0`,
    ...(o.extra ?? []),
    '',
  ].join('\n');
}

function controllerMetrics(state: string, lagMs: string): string {
  return [
    `# TYPE ${N.RAFT_CURRENT_STATE} untyped`,
    `${N.RAFT_CURRENT_STATE}{current_state="${state}"} 1.0`,
    `${N.LAST_APPLIED_RECORD_LAG_MS} ${lagMs}`,
    '',
  ].join('\n');
}

describe('the readiness probe script, run with bash against a JDK HTTP server on 127.0.0.1', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-ready-'));
  const bodyFile = path.join(work, 'metrics.txt');
  let server: ChildProcess | undefined;
  let port = 0;
  const requests: string[] = [];
  const scripts = new Map<string, string>();

  beforeAll(async () => {
    // The scripts exactly as synthesized, with only the port line pointed at the fixture server.
    const production = productionObjects();
    const development = combinedObjects();
    for (const [role, objects] of [['broker', production], ['controller', production], ['combined', development]] as const) {
      scripts.set(role, find(objects, 'ConfigMap', `orders-${role}-config`).data[READINESS_SCRIPT_KEY]);
    }
    fs.writeFileSync(bodyFile, brokerMetrics());
    server = spawn('java', ['-cp', compiledJava('MetricsServer', fs.readFileSync(SERVER_SOURCE, 'utf8')), 'MetricsServer', bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const complete = out.split('\n');
        out = complete.pop()!;
        for (const line of complete) {
          const m = /^port (\d+)$/.exec(line);
          if (m) resolve(Number(m[1]));
          if (line.startsWith('request ')) requests.push(line);
        }
      });
      server!.on('exit', (code) => reject(new Error(`the fixture server exited with ${code}`)));
    });
  }, 120_000);

  afterAll(() => {
    server?.kill();
    fs.rmSync(work, { recursive: true, force: true });
  });

  function probe(role: string, metrics: string, toPort = port): { ready: boolean; output: string } {
    fs.writeFileSync(bodyFile, metrics);
    const script = scripts.get(role)!;
    expect(script.match(/^port=9404$/gm)).toHaveLength(1);
    const file = path.join(work, `${role}.sh`);
    fs.writeFileSync(file, script.replace(/^port=9404$/m, `port=${toPort}`));
    const run = spawnSync('bash', [file], { encoding: 'utf8', timeout: 30_000 });
    return { ready: run.status === 0, output: `${run.stdout}${run.stderr}` };
  }

  it('is ready when the broker is RUNNING, leads no under-replicated partition and every followed replica is caught up', async () => {
    const before = requests.length;
    expect(probe('broker', brokerMetrics())).toEqual({ ready: true, output: 'ready\n' });
    // The request is one HTTP/1.0 GET of only the metrics it reads (the server's log arrives once the event loop runs).
    for (let i = 0; i < 100 && requests.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(requests.slice(before)).toHaveLength(1);
    expect(requests.at(-1)).toBe(`request HTTP/1.0 /metrics?${readinessMetricNames(KafkaNodeRole.BROKER).map((n) => `name[]=${n}`).join('&')}`);
  });

  it.each([
    ['RECOVERY (2): caught up with metadata, not yet unfenced', { state: '2.0' }, /BrokerState is 2\.0, not 3 \(RUNNING\)/],
    ['PENDING_CONTROLLED_SHUTDOWN (6)', { state: '6.0' }, /BrokerState is 6\.0/],
    ['no BrokerState sample', { state: '' }, /BrokerState is none/],
    ['a partition it leads is under-replicated', { urp: '1.0' }, /UnderReplicatedPartitions is 1\.0, not 0/],
    ['a followed replica is behind the high watermark', { lags: ['0.0', '1.2345678E7'] }, /1 followed partitions are behind/],
    ['a followed replica has not fetched yet (-1)', { lags: ['0.0', '-1.0'] }, /1 followed partitions are behind/],
    ['a followed partition has no fetcher yet', { lags: ['0.0'] }, /2 followed partitions but 1 replica fetcher lag series/],
    ['the partition counts are missing', { partitions: 'NaN' }, /PartitionCount is NaN/],
  ])('is not ready when %s', (_, o, reason) => {
    const { ready, output } = probe('broker', brokerMetrics(o));
    expect(ready).toBe(false);
    expect(output).toMatch(reason);
  });

  it('waits for a slow exporter within the probe timeout', () => {
    const sts = find(productionObjects(), 'StatefulSet', 'orders-broker');
    const probeSpec = sts.spec.template.spec.containers[0].readinessProbe;
    expect(scripts.get('broker')).toContain(`read -r -t ${READINESS_RESPONSE_WAIT_SECONDS} status <&3`);
    expect(probeSpec.timeoutSeconds).toBeGreaterThan(READINESS_RESPONSE_WAIT_SECONDS);
  });

  it('counts followers only from replica fetcher threads, whatever other metrics the exporter returns', () => {
    const extra = ['kafka_server_replicamanager_underminisrpartitioncount 0.0', 'jvm_threads_current{pool="x}y"} 4.0'];
    expect(probe('broker', brokerMetrics({ partitions: '2.0', leaders: '0.0', extra })).ready).toBe(true);
    expect(probe('broker', brokerMetrics({ partitions: '4.0', leaders: '0.0', extra })).ready).toBe(false);
  });

  it('is not ready when no JMX exporter listens', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const { ready, output } = probe('broker', brokerMetrics(), closed);
    expect(ready).toBe(false);
    expect(output).toContain(`no JMX exporter on 127.0.0.1:${closed}`);
  });

  it.each([
    ['follower', '120.0', true],
    ['leader', '3.0', true],
    ['follower', '-12.0', true], // the leader's clock ahead of this one
    ['follower', '9999.0', true],
    ['follower', '10000.0', false],
    ['follower', '1.7331e+12', false], // nothing applied yet: now minus a timestamp of -1
    ['candidate', '120.0', false],
    ['voted', '120.0', false],
    ['unattached', '120.0', false],
  ])('a controller in state %s with LastAppliedRecordLagMs %s is ready: %s', (state, lag, ready) => {
    const result = probe('controller', controllerMetrics(state, lag));
    expect(result.ready).toBe(ready);
    if (!ready) expect(result.output).toMatch(/^not ready: /);
  });

  it('a combined node needs both: a RUNNING broker and a caught-up quorum member', () => {
    expect(probe('combined', brokerMetrics({ partitions: '2.0', leaders: '2.0', lags: [] }) + controllerMetrics('leader', '5.0')).ready).toBe(true);
    expect(probe('combined', brokerMetrics({ state: '2.0', partitions: '2.0', leaders: '2.0', lags: [] }) + controllerMetrics('leader', '5.0')).ready).toBe(false);
    expect(probe('combined', brokerMetrics({ partitions: '2.0', leaders: '2.0', lags: [] }) + controllerMetrics('candidate', '5.0')).ready).toBe(false);
  });
});

/** The names of the PodDisruptionBudgets whose selector matches each Kafka StatefulSet's pods, by role. */
function budgetsByRole(objects: readonly any[]): Record<string, string[]> {
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  return Object.fromEntries(objects.filter((o) => o.kind === 'StatefulSet').map((sts) => {
    const labels = sts.spec.template.metadata.labels;
    const covering = pdbs.filter((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
    return [labels['kafka-iac.dev/role'], covering.map((p) => p.metadata.name)];
  }));
}

function budgets(objects: readonly any[]): [string, number][] {
  return objects.filter((o) => o.kind === 'PodDisruptionBudget').map((p) => [p.metadata.name, p.spec.maxUnavailable]);
}

describe('one PodDisruptionBudget over every Kafka pod, tied to min ISR and to the quorum', () => {
  it.each([
    [{ 'default.replication.factor': '3', 'min.insync.replicas': '2', 'offsets.topic.replication.factor': '3', 'transaction.state.log.replication.factor': '3', 'transaction.state.log.min.isr': '2' }, 1, 1],
    // A spare of 2 would allow two brokers; HA-009 keeps one.
    [{ 'default.replication.factor': '5', 'min.insync.replicas': '3', 'offsets.topic.replication.factor': '5', 'transaction.state.log.replication.factor': '5', 'transaction.state.log.min.isr': '3' }, 1, 2],
    // The transaction log is the tightest: RF 3 with its own min ISR 3.
    [{ 'default.replication.factor': '3', 'min.insync.replicas': '2', 'offsets.topic.replication.factor': '3', 'transaction.state.log.replication.factor': '3', 'transaction.state.log.min.isr': '3' }, 0, 0],
    [{ 'default.replication.factor': '1', 'min.insync.replicas': '1', 'offsets.topic.replication.factor': '1', 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' }, 0, 0],
    // Nothing set: Kafka's defaults (default.replication.factor 1, min.insync.replicas 1).
    [{}, 0, 0],
  ])('brokers with %o may lose %i at a time (spare %i)', (properties, maxUnavailable, spare) => {
    expect(brokerDisruptionBudget(properties)).toMatchObject({ maxUnavailable, spare });
  });

  it.each([[1, 0], [2, 0], [3, 1], [4, 1], [5, 1], [7, 1]])('a quorum of %i voters may lose %i at a time (a majority stays, at most 1)', (voters, budget) => {
    expect(quorumDisruptionBudget(voters)).toBe(budget);
    expect(voters - budget).toBeGreaterThan(voters / 2);
  });

  it('writes one budget in production, over the brokers and the controllers alike (HA-009: one Kafka node at a time)', () => {
    const objects = productionObjects();
    expect(budgets(objects)).toEqual([['orders-kafka', 1]]);
    expect(find(objects, 'PodDisruptionBudget', 'orders-kafka').spec.selector).toEqual({ matchLabels: { 'kafka-iac.dev/cluster': 'orders', 'app.kubernetes.io/name': 'kafka' } });
    expect(budgetsByRole(objects)).toEqual({ broker: ['orders-kafka'], controller: ['orders-kafka'] });
  });

  it('writes the same one budget over a combined node', () => {
    const objects = combinedObjects();
    expect(budgetsByRole(objects)).toEqual({ combined: ['orders-kafka'] });
  });

  it('refuses staging brokers that no drain could leave at min ISR (HA-009), and writes 1 when one broker can go', () => {
    expect(() => statefulSetChart({ profile: EnvironmentProfile.STAGING, cluster: { brokerConfig: { extra: { 'min.insync.replicas': '3' } } } }))
      .toThrow(/HA-009 \[kafka\/Kafka\] brokerConfig is 'default\.replication\.factor=3, min\.insync\.replicas=3'; expected a replication factor above min\.insync\.replicas/);
    expect(budgets(synth(statefulSetChart({ profile: EnvironmentProfile.STAGING }).chart))).toEqual([['orders-kafka', 1]]);
  });

  it.each([
    // Brokers 0 (RF 3 = min ISR 3), quorum of 3 gives 1: the brokers' side wins.
    ['no broker can go', { brokerConfig: { extra: { 'min.insync.replicas': '3' } } }, 0],
    // Brokers 1 (RF 3, min ISR 2), a single voter gives 0: the quorum's side wins.
    ['no controller can go', { controllers: { replicas: 1 } }, 0],
    // The combined node: one broker (RF 1) and one voter, both 0.
    ['neither can go', { combinedNode: true }, 0],
    ['one of each could go', {}, 1],
  ])('writes the smaller of both sides in development: %s gives %i', (_, cluster, maxUnavailable) => {
    const objects = synth(statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster }).chart);
    expect(budgets(objects)).toEqual([['orders-kafka', maxUnavailable]]);
    for (const names of Object.values(budgetsByRole(objects))) expect(names).toEqual(['orders-kafka']);
  });

  it('passes kubernetes-models, the schema field names and kustomize', async () => {
    const objects = productionObjects();
    const checked = objects.filter((o) => ['PodDisruptionBudget', 'StatefulSet', 'Service', 'ConfigMap'].includes(o.kind));
    const checker = UnknownFieldChecker.forKinds(checked as { apiVersion: string; kind: string }[]);
    for (const o of checked) {
      expect(await validateWithModel(o), `${o.kind}/${o.metadata.name}`).toBeUndefined();
      expect(checker.unknownFields(o), `${o.kind}/${o.metadata.name}`).toEqual([]);
    }
    expect(find(objects, 'Service', 'orders-bootstrap').spec.publishNotReadyAddresses).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-pdb-'));
    try {
      fs.writeFileSync(path.join(dir, 'kafka.k8s.yaml'), objects.map((o) => stringify(o)).join('---\n'));
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [kafka.k8s.yaml]\n');
      const built = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(built).toContain('name: orders-kafka\n');
      expect(built.match(/^kind: PodDisruptionBudget$/gm)).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
