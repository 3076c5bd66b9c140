import { checkIamRoleArn } from '../../model/grammar/arn';
import { checkNameOfObjects } from '../../model/grammar/names';
import { KubeConfigMap } from '../../imports/k8s';
import { Construct } from 'constructs';
import { ClientNetwork } from '../../model/client-network';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { parseMemoryQuantity } from '../../model/jvm-heap';
import { KafkaVersion } from '../../model/kafka-version';
import { DrDrill, DrReplicationTechnology } from '../../model/dr/dr-drill';
import { DR_PAIRING_ANNOTATION } from '../../contract/dr-markers';
import type { DrPairing } from '../../model/dr/dr-pairing';
import { MirrorMaker2Topics } from '../../model/dr/mirror-maker-2-topics';
import { OffsetSyncsTopicLocation } from '../../model/dr/offset-syncs-topic-location';
import { MIRROR_MAKER_2_POLICY_CLASS } from '../../model/dr/replication-policy';
import {
  KafkaMirrorMaker2, KafkaMirrorMaker2SpecMetricsConfigType, KafkaMirrorMaker2SpecRackType,
  KafkaMirrorMaker2SpecResourcesLimits, KafkaMirrorMaker2SpecResourcesRequests,
  type KafkaMirrorMaker2SpecMirrorsSourceAuthentication, type KafkaMirrorMaker2SpecTargetAuthentication,
} from '../../imports/kafka.strimzi.io';
import { RuleTarget } from '../../contract/rule-target';

import { AclOperation, AclPermission, AclResourceType } from '../../model/access/acl';
import { PrincipalKind, type Principal } from '../../model/access/principal';
import { renderJmxExporterConfig } from '../kubernetes/jmx-exporter-rules';
import { HOSTNAME_TOPOLOGY_KEY, KAFKA_CLUSTER_LABEL, STRIMZI_CLUSTER_LABEL, TARGET_LABEL, ZONE_TOPOLOGY_KEY } from '../../contract/vocabulary';
import type { MirrorMaker2Cluster } from './mirror-maker-2-cluster';
import { MIRROR_MAKER_2_JMX_EXPORTER_RULES } from './mirror-maker-2-metrics';
import { replicationLatencyByTopic } from '../../model/monitoring/mirror-maker-2-metric-names';
import { ScrapeRole } from '../../model/monitoring/metrics-backend';
import { roleSeriesLabels } from '../../model/monitoring/series-labels';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** The data key of the JMX exporter configuration in the MirrorMaker 2 metrics ConfigMap. */
export const MIRROR_MAKER_2_METRICS_CONFIG_KEY = 'mirror-maker-2-metrics-config.yml';

/** Props of a `StrimziMirrorMaker2`: the DR pairing and the two clusters it connects. */
export interface StrimziMirrorMaker2Props {
  /** The DR pairing this MirrorMaker 2 carries out: topics, groups, policy, RPO. */
  readonly pairing: DrPairing;
  /** The primary (source) cluster, reached as the source MirrorMaker 2 principal. */
  readonly source: MirrorMaker2Cluster;
  /** The DR (target) cluster, reached as the target MirrorMaker 2 principal; Connect keeps its internal topics here. */
  readonly target: MirrorMaker2Cluster;
  /**
   * The `KafkaMirrorMaker2` name (also the Connect group and storage topic prefix).
   * @default 'mm2-<pairing name>'
   */
  readonly name?: string;
  /**
   * The name of the Kafka cluster MirrorMaker 2 writes to, put on its pods as
   * `kafka-iac.dev/cluster` so that the MON-010 PodMonitor of that cluster selects them.
   * @default - the target's Strimzi cluster name; required for an MSK target
   */
  readonly monitoredClusterName?: string;
  /**
   * Connect worker pods, spread over zones.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * The Kafka (Connect) version; one that Strimzi 1.2 runs.
   * @default KafkaVersion.V4_3_1
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * The container image. Required when a cluster uses IAM: the image must carry the
   * aws-msk-iam-auth library.
   * @default - Strimzi's Kafka image for `kafkaVersion`
   */
  readonly image?: string;
  /**
   * The IAM role of the pods' service account (IRSA), for IAM authentication to MSK.
   * @default - none; required when a cluster uses IAM
   */
  readonly serviceAccountRoleArn?: string;
  /**
   * `tasks.max` of the source connector.
   * @default - the total partitions of the replicated topics, at most 4 per replica
   */
  readonly sourceTasksMax?: number;
  /**
   * Where the offset-syncs topic lives, written to both connectors (DR-005). Must match the
   * grants of the principals (`MirrorMaker2Access`).
   * @default OffsetSyncsTopicLocation.TARGET
   * @see DR-005
   */
  readonly offsetSyncsTopicLocation?: OffsetSyncsTopicLocation;
  /**
   * Replication factor of the internal topics (offset-syncs, checkpoints, Connect storage) and
   * of topics MirrorMaker 2 creates. Below 3 is refused.
   * @default 3
   * @see DR-005
   */
  readonly internalTopicReplicationFactor?: number;
  /**
   * How often checkpoints are emitted and group offsets synced, in seconds.
   * @default - 60, or the RPO when shorter
   * @see DR-002
   */
  readonly checkpointIntervalSeconds?: number;
  /**
   * Write the pairing's DR drill document to `dist/<peer>/dr-drill-<pairing>.md`.
   * @default true
   */
  readonly drill?: boolean;
  /**
   * Container memory (request and limit); the heap is half of it.
   * @default '2Gi'
   */
  readonly memory?: string;
  /**
   * Container CPU (request and limit).
   * @default '1'
   */
  readonly cpu?: string;
}

/**
 * MirrorMaker 2 on Strimzi 1.2 (`KafkaMirrorMaker2`, kafka.strimzi.io/v1: `spec.target` plus
 * `mirrors[].source`) for a DR pairing, built to DR-001..DR-005 and MON-010:
 * - the source connector replicates the pairing's topics (`topicsPattern`) with the
 *   pairing's policy (`IdentityReplicationPolicy` for failover, `DefaultReplicationPolicy` for
 *   active-active); `sync.topic.acls.enabled: false` (the User Operator owns the ACLs);
 * - the checkpoint connector emits checkpoints and syncs the pairing's consumer-group offsets
 *   (`groupsPattern`, `sync.group.offsets.enabled`), so consumers resume where they stopped;
 * - no heartbeat connector: v1 mirrors have none, and it is not needed for failover (see
 *   README.md, "Disaster recovery");
 * - internal topics at RF 3, the same `offset-syncs.topic.location` on both connectors;
 * - TLS to both clusters and authentication as the two MirrorMaker 2 principals of the access
 *   models (never a superuser); Strimzi or MSK (SCRAM or IAM) on either side;
 * - rack awareness (`client.rack` from the zone), pods spread over zones and hosts, a
 *   PodDisruptionBudget of 1, JMX exporter metrics (MON-010), resources and heap;
 * - the pairing's declaration as an annotation, which the DR rules check the spec against;
 * - the pairing's DR drill document in `dist/<peer>/` (DrDrill).
 *
 * The `KafkaMirrorMaker2` is `.resource` (id `Resource`), the escape hatch
 * (`mm2.resource.addJsonPatch(...)`); the DR rules read the synthesized object, so a patch
 * that breaks DR-002 or DR-005 stops synthesis.
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaMirrorMaker2-reference
 */
export class StrimziMirrorMaker2 extends KafkaIacConstruct {
  /** A client network for the target cluster's listeners that admits the pods of the MirrorMaker 2 named `name`. */
  public static clientNetwork(name: string): ClientNetwork {
    return ClientNetwork.kubernetesPeer({ podLabels: { [STRIMZI_CLUSTER_LABEL]: name, 'strimzi.io/kind': 'KafkaMirrorMaker2' }, description: `MirrorMaker 2 ${name}` });
  }

  /** The `KafkaMirrorMaker2`. */
  public readonly resource: KafkaMirrorMaker2;
  /** The JMX exporter ConfigMap. */
  public readonly metricsConfigMap: KubeConfigMap;
  public readonly name: string;
  public readonly topics: MirrorMaker2Topics;
  /** The pod labels the MON-010 PodMonitor selects (`mirrorMakerSelector`). */
  public readonly podSelector: Readonly<Record<string, string>>;
  /** The drill document's path in `dist/<peer>/`, when written. */
  public readonly drillFile?: string;

  public constructor(scope: Construct, id: string, props: StrimziMirrorMaker2Props) {
    super(scope, id);
    const pairing = props.pairing;
    this.name = checkNameOfObjects(props.name ?? `mm2-${pairing.name}`, { code: 'KIAC-PROP', path: this.path, prop: 'name' }, {
      maxLength: 40, grammar: 'a DNS label of at most 40 characters', fix: "Set name to a short name such as 'mm2-dr'.",
    });
    const { rf, replicas } = deploymentOf(this.path, this.environment, props);
    const location = props.offsetSyncsTopicLocation ?? OffsetSyncsTopicLocation.TARGET;
    this.topics = MirrorMaker2Topics.of(pairing, this.name);
    checkPrincipal(this.path, 'source', props.source.principal);
    checkPrincipal(this.path, 'target', props.target.principal);
    checkPrincipalModel(this.path, 'source', props.source.principal, pairing.access.principals);
    const offsetSyncsOwner = location === OffsetSyncsTopicLocation.SOURCE ? props.source.principal : props.target.principal;
    if (!canWrite(offsetSyncsOwner, this.topics.offsetSyncsTopic(location))) {
      throw KafkaIacError.invalidProp({
        code: 'DR-005', path: this.path, prop: 'offsetSyncsTopicLocation', found: location,
        expected: `the ${location} principal '${offsetSyncsOwner.name}' allowed to write ${this.topics.offsetSyncsTopic(location)}`,
        fix: `Declare the principals with MirrorMaker2Access.add${location === OffsetSyncsTopicLocation.SOURCE ? 'Source' : 'Target'}Principal(pairing, ..., { offsetSyncsTopicLocation: OffsetSyncsTopicLocation.${location.toUpperCase()}, topics: MirrorMaker2Topics.of(pairing, '${this.name}') }).`,
      });
    }
    for (const t of this.topics.targetInternalTopics(location)) {
      if (!canWrite(props.target.principal, t)) {
        throw KafkaIacError.invalidProp({
          code: 'DR-005', path: this.path, prop: 'target.principal', found: props.target.principal.name,
          expected: `a principal allowed to write MirrorMaker 2's internal topic ${t}`,
          fix: `Declare it with MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { ..., topics: MirrorMaker2Topics.of(pairing, '${this.name}') }).`,
        });
      }
    }
    const { monitored, memory, heap, cpu, version, sourceTasksMax, interval } = runtimeOf(this.path, props, replicas);
    const labels = { [TARGET_LABEL]: RuleTarget.STRIMZI, [KAFKA_CLUSTER_LABEL]: monitored };
    this.podSelector = { 'strimzi.io/kind': 'KafkaMirrorMaker2', [KAFKA_CLUSTER_LABEL]: monitored };
    const spreadSelector = { [STRIMZI_CLUSTER_LABEL]: this.name, 'strimzi.io/kind': 'KafkaMirrorMaker2' };
    const metricsName = `${this.name}-metrics`;
    this.metricsConfigMap = metricsConfigMap(this, metricsName, labels);

    const policyClass = MIRROR_MAKER_2_POLICY_CLASS[pairing.replicationPolicy];
    const tlsConfig = { 'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.endpoint.identification.algorithm': 'HTTPS' };
    const { source, target } = renderedClustersOf(this.path, this.environment, props);
    this.resource = new KafkaMirrorMaker2(this, 'Resource', {
      metadata: {
        name: this.name,
        labels,
        annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(pairing.declaration) },
      },
      spec: {
        version: version.version,
        replicas,
        ...(props.image ? { image: props.image } : {}),
        target: {
          alias: pairing.peerAlias,
          bootstrapServers: target.bootstrapServers,
          groupId: this.topics.connectGroup,
          configStorageTopic: this.topics.connectConfigs,
          offsetStorageTopic: this.topics.connectOffsets,
          statusStorageTopic: this.topics.connectStatus,
          tls: target.tls,
          authentication: target.authentication as unknown as KafkaMirrorMaker2SpecTargetAuthentication,
          config: {
            'config.storage.replication.factor': rf,
            'offset.storage.replication.factor': rf,
            'status.storage.replication.factor': rf,
            ...tlsConfig,
          },
        },
        mirrors: [{
          source: {
            alias: pairing.primaryAlias,
            bootstrapServers: source.bootstrapServers,
            tls: source.tls,
            authentication: source.authentication as unknown as KafkaMirrorMaker2SpecMirrorsSourceAuthentication,
            config: { ...tlsConfig },
          },
          sourceConnector: {
            tasksMax: sourceTasksMax,
            autoRestart: { enabled: true },
            config: {
              'replication.policy.class': policyClass,
              'replication.factor': rf,
              'offset-syncs.topic.replication.factor': rf,
              'offset-syncs.topic.location': location,
              'sync.topic.acls.enabled': 'false',
              'sync.topic.configs.enabled': pairing.keepsTopicNames ? 'false' : 'true',
              'refresh.topics.interval.seconds': 300,
            },
          },
          checkpointConnector: {
            tasksMax: 1,
            autoRestart: { enabled: true },
            config: {
              'replication.policy.class': policyClass,
              'checkpoints.topic.replication.factor': rf,
              'offset-syncs.topic.location': location,
              'emit.checkpoints.enabled': 'true',
              'emit.checkpoints.interval.seconds': interval,
              'sync.group.offsets.enabled': pairing.syncConsumerGroupOffsets ? 'true' : 'false',
              'sync.group.offsets.interval.seconds': interval,
              'refresh.groups.interval.seconds': 300,
            },
          },
          topicsPattern: pairing.topicRegexes.join('|'),
          groupsPattern: pairing.consumerGroupRegexes.join('|'),
        }],
        resources: {
          requests: { cpu: KafkaMirrorMaker2SpecResourcesRequests.fromString(cpu), memory: KafkaMirrorMaker2SpecResourcesRequests.fromString(memory) },
          limits: { cpu: KafkaMirrorMaker2SpecResourcesLimits.fromString(cpu), memory: KafkaMirrorMaker2SpecResourcesLimits.fromString(memory) },
        },
        jvmOptions: { xms: heap, xmx: heap },
        rack: { type: KafkaMirrorMaker2SpecRackType.TOPOLOGY_HYPHEN_LABEL, topologyKey: ZONE_TOPOLOGY_KEY },
        metricsConfig: {
          type: KafkaMirrorMaker2SpecMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
          valueFrom: { configMapKeyRef: { name: metricsName, key: MIRROR_MAKER_2_METRICS_CONFIG_KEY } },
        },
        template: {
          pod: {
            metadata: { labels },
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{
                  weight: 100,
                  podAffinityTerm: { labelSelector: { matchLabels: spreadSelector }, topologyKey: HOSTNAME_TOPOLOGY_KEY },
                }],
              },
            },
            topologySpreadConstraints: [{
              maxSkew: 1, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: spreadSelector },
            }],
          },
          podDisruptionBudget: { maxUnavailable: 1 },
          ...(props.serviceAccountRoleArn
            ? { serviceAccount: { metadata: { annotations: { 'eks.amazonaws.com/role-arn': props.serviceAccountRoleArn } } } }
            : {}),
        },
      },
    });
    if (props.drill ?? true) {
      this.drillFile = DrDrill.addTo({
        pairing, technology: DrReplicationTechnology.MIRROR_MAKER_2, replicationName: this.name, namespace: this.environment.namespace,
        primaryBootstrapServers: source.bootstrapServers, peerBootstrapServers: target.bootstrapServers, latencyQuery: latencyQueryOf(monitored, this.environment),
      });
    }
  }
}

/** DR-005: MirrorMaker 2 runs as its own MirrorMaker 2 principal of the right model, never an admin, without cluster-wide rights. */
function checkPrincipal(path: string, side: string, principal: Principal): void {
  const fix = `Declare it with MirrorMaker2Access.add${side === 'source' ? 'Source' : 'Target'}Principal(...) (access.addMirrorMaker2): read on the source, write on the target, the group rights it needs.`;
  if (principal.kind !== PrincipalKind.MIRROR_MAKER_2) {
    throw KafkaIacError.invalidProp({
      code: 'DR-005', path, prop: `${side}.principal`, found: `${principal.name} (${principal.kind})`,
      expected: 'a principal of kind mirror-maker-2, never a superuser or an application principal', fix,
    });
  }
  for (const e of principal.acls) {
    if (e.permission !== AclPermission.ALLOW) continue;
    const clusterWide = e.resource.isWildcard
      || (e.resource.type === AclResourceType.CLUSTER && e.operations.some((op) => op !== AclOperation.DESCRIBE));
    if (clusterWide) {
      throw KafkaIacError.invalidProp({
        code: 'DR-005', path, prop: `${side}.principal`, found: `${principal.name} allowed ${e.operations.join(',')} on ${e.resource.toString()}`,
        expected: 'no cluster-wide right: named topics and groups only, and Describe on the cluster', fix,
      });
    }
  }
}

function checkPrincipalModel(path: string, side: string, principal: Principal, principals: readonly Principal[]): void {
  if (!principals.includes(principal)) {
    throw KafkaIacError.invalidProp({
      code: 'DR-005', path, prop: `${side}.principal`, found: principal.name,
      expected: "a principal of the pairing's access model (the primary's), so that its KafkaUser or IAM policy is rendered there",
      fix: 'Declare it with MirrorMaker2Access.addSourcePrincipal(pairing, { authentication }).',
    });
  }
}

function secretOf(authentication: Readonly<Record<string, any>>): string | undefined {
  return authentication.passwordSecret?.secretName ?? authentication.certificateAndKey?.secretName;
}

function canWrite(principal: Principal, topic: string): boolean {
  return principal.acls.some((e) => e.permission === AclPermission.ALLOW && e.resource.type === AclResourceType.TOPIC
    && !e.resource.isPrefix && e.resource.name === topic && e.operations.includes(AclOperation.WRITE));
}

/** The deployment checks of a MirrorMaker 2 (DR-001, DR-002): where it runs, its internal topics' replication and its replicas. */
function deploymentOf(path: string, env: Environment, props: StrimziMirrorMaker2Props) {
  const pairing = props.pairing;
  if (env.name !== pairing.peer.name) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'environment', found: env.name,
      expected: `the DR peer '${pairing.peer.name}': MirrorMaker 2 runs next to the cluster it writes to (consume remotely, produce locally)`,
      fix: `Create the StrimziMirrorMaker2 in a chart of '${pairing.peer.name}' (app.chart(${pairing.peer.name}, ...)).`,
    });
  }
  const rf = props.internalTopicReplicationFactor ?? 3;
  if (!Number.isInteger(rf) || rf < 3) {
    throw KafkaIacError.invalidProp({
      code: 'DR-005', path, prop: 'internalTopicReplicationFactor', found: rf,
      expected: 'at least 3: the offset-syncs, checkpoints and Connect storage topics must survive a broker loss, or failover loses the consumer offsets',
      fix: 'Remove internalTopicReplicationFactor (3 is the default) or set it to 3.',
    });
  }
  const replicas = KafkaIacError.positiveWhole(props.replicas ?? 3, { code: 'KIAC-PROP', path, prop: 'replicas', of: 'pods', fix: 'Set replicas: 3 (one per zone).' });
  return { rf, replicas };
}

/** The runtime of a MirrorMaker 2: IAM image and role, the monitored cluster, resources, version and task sizing, checked. */
function runtimeOf(path: string, props: StrimziMirrorMaker2Props, replicas: number) {
  const pairing = props.pairing;
  const usesIam = props.source.usesIam || props.target.usesIam;
  if (usesIam && props.image === undefined) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'image', found: undefined,
      expected: "an image with the aws-msk-iam-auth library: Strimzi's Kafka image has no AWS_MSK_IAM login module",
      fix: 'Build an image FROM the Strimzi Kafka image with aws-msk-iam-auth-<version>-all.jar in /opt/kafka/libs and set image.',
    });
  }
  if (usesIam && props.serviceAccountRoleArn === undefined) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'serviceAccountRoleArn', found: undefined,
      expected: "the IAM role MirrorMaker 2's pods assume (IRSA), carrying the MSK IAM policy of the MirrorMaker 2 principal",
      fix: 'Set serviceAccountRoleArn to the role that MskAccess attaches the MirrorMaker 2 policy to.',
    });
  }
  if (props.serviceAccountRoleArn !== undefined) checkIamRoleArn(props.serviceAccountRoleArn, { code: 'DR-005', path, prop: 'serviceAccountRoleArn' });
  const monitored = props.monitoredClusterName ?? (props.target.kind === 'strimzi' ? props.target.label : undefined);
  if (monitored === undefined) {
    throw KafkaIacError.invalidProp({
      code: 'MON-010', path, prop: 'monitoredClusterName', found: undefined,
      expected: 'the name of the target cluster, so that its MON-010 PodMonitor selects the MirrorMaker 2 pods',
      fix: 'Set monitoredClusterName to the MSK cluster name used by its monitoring.',
    });
  }

  const memory = props.memory ?? '2Gi';
  const memoryBytes = parseMemoryQuantity(memory);
  if (!(memoryBytes >= 1024 ** 3)) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: 'memory', found: memory, expected: 'a Kubernetes memory quantity of at least 1Gi', fix: "Set memory: '2Gi'." });
  }
  const heap = `${Math.floor(memoryBytes / 2 / 1024 ** 2)}m`;
  const cpu = props.cpu ?? '1';
  const version = props.kafkaVersion ?? KafkaVersion.V4_3_1;
  if (!version.isStrimziSupported) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path, prop: 'kafkaVersion', found: version.version,
      expected: `a version Strimzi 1.2 runs (${KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`, fix: 'Use KafkaVersion.V4_3_1.',
    });
  }
  const partitions = pairing.topics.reduce((sum, t) => sum + (pairing.access.topic(t)?.partitions ?? 1), 0);
  const sourceTasksMax = props.sourceTasksMax ?? Math.max(1, Math.min(partitions, 4 * replicas));
  const interval = props.checkpointIntervalSeconds ?? Math.min(60, pairing.rpo.seconds);
  if (!Number.isInteger(interval) || interval < 1 || interval > pairing.rpo.seconds) {
    throw KafkaIacError.invalidProp({
      code: 'DR-003', path, prop: 'checkpointIntervalSeconds', found: interval,
      expected: `1 to ${pairing.rpo.seconds} seconds (the RPO): offsets synced less often than the RPO re-deliver more after failover than declared`,
      fix: 'Remove checkpointIntervalSeconds (60 s, or the RPO when shorter).',
    });
  }

  return { monitored, memory, heap, cpu, version, sourceTasksMax, interval };
}

/** The source and target clusters as rendered in the namespace; their credentials must be two Secrets. */
function renderedClustersOf(path: string, env: Environment, props: StrimziMirrorMaker2Props) {
  const pairing = props.pairing;
  const source = props.source.render(env.namespace);
  const target = props.target.render(env.namespace);
  const sourceSecret = secretOf(source.authentication);
  if (sourceSecret !== undefined && sourceSecret === secretOf(target.authentication)) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path, prop: 'source credentials Secret', found: sourceSecret,
      expected: "different Secrets for the source and the target credentials: one Secret cannot hold both principals' passwords or certificates",
      fix: `Copy the source principal's Secret under another name and pass it as credentialsSecret (for example '${pairing.primaryAlias}-${sourceSecret}').`,
    });
  }
  return { source, target };
}

/** The PromQL of the MirrorMaker 2 replication latency of a monitored cluster, for the DR drill. */
function latencyQueryOf(monitored: string, env: Environment): string {
  return replicationLatencyByTopic(roleSeriesLabels({ cluster: monitored, environment: env.name }, ScrapeRole.MIRROR_MAKER_2));
}

/** The ConfigMap with the JMX exporter rules of MirrorMaker 2. */
function metricsConfigMap(scope: Construct, name: string, labels: Record<string, string>): KubeConfigMap {
  return new KubeConfigMap(scope, 'MetricsConfig', {
    metadata: { name, labels },
    data: { [MIRROR_MAKER_2_METRICS_CONFIG_KEY]: renderJmxExporterConfig(MIRROR_MAKER_2_JMX_EXPORTER_RULES) },
  });
}
