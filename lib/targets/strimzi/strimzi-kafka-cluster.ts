import { checkInteger } from '../../model/grammar/numbers';
import { KUBERNETES_MAX_NODES } from '../../model/grammar/limits';
import { ApiObject } from 'cdk8s';
import { KubeConfigMap } from '../../imports/k8s';
import { Construct } from 'constructs';
import { renderBrokerProperties } from '../../model/broker-config';
import { AuthenticationMechanism, ClientAuthentication } from '../../model/client-authentication';
import { ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import { checkListenerAuthentication, checkNoSaslPlain, refuse, refusalError, refuseBrokerCount, refuseControllerCount } from '../../model/rule-checks';
import { brokerHeapMiB, jvmHeapOptions, parseMemoryQuantity } from '../../model/jvm-heap';
import { KafkaVersion } from '../../model/kafka-version';
import {
  Kafka, type KafkaSpec, KafkaNodePool, KafkaNodePoolSpecRoles, KafkaNodePoolSpecStorageType, KafkaNodePoolSpecStorageVolumesKraftMetadata,
  KafkaNodePoolSpecStorageVolumesType, KafkaNodePoolSpecResourcesLimits, KafkaNodePoolSpecResourcesRequests,
  KafkaSpecEntityOperatorTopicOperatorResourcesLimits, KafkaSpecEntityOperatorTopicOperatorResourcesRequests,
  KafkaSpecEntityOperatorUserOperatorResourcesLimits, KafkaSpecEntityOperatorUserOperatorResourcesRequests,
  KafkaSpecKafkaExporterResourcesLimits, KafkaSpecKafkaExporterResourcesRequests, KafkaSpecKafkaAuthorizationType, KafkaSpecKafkaListenersAuthenticationType,
  KafkaSpecKafkaListenersType, KafkaSpecKafkaLoggingType, KafkaSpecKafkaMetricsConfigType, KafkaSpecKafkaRackType,
  type KafkaSpecKafkaListeners,
} from '../../imports/kafka.strimzi.io';
import { RuleTarget } from '../../contract/rule-target';

import { EncryptedStorageClass, type IEncryptedStorageClass } from '../kubernetes/encrypted-storage-class';
import { JMX_EXPORTER_CONFIG_KEY, renderJmxExporterConfig } from '../kubernetes/jmx-exporter-rules';
import { DECLARED_ADMINS_ANNOTATION, HOSTNAME_TOPOLOGY_KEY, KAFKA_CLUSTER_LABEL, STORAGE_KMS_KEY_ANNOTATION, STRIMZI_CLUSTER_LABEL, TARGET_LABEL, ZONE_TOPOLOGY_KEY } from '../../contract/vocabulary';
import { strimziForbiddenConfigKeys } from '../../contract/strimzi-forbidden-config';
import { CLUSTER_SET_ZONE, ListenerReach, StrimziListenerType, type StrimziListenerProps } from './strimzi-listener';
import { checkDnsLabel, checkNameOfObjects } from '../../model/grammar/names';
import { networkPolicyPeerOf, StrimziSupportNetworkPolicies } from '../kubernetes/strimzi-support-network-policies';
import { checkedListeners, type ListenerNameAndPortRules } from '../kubernetes/kubernetes-listeners';
import {
  AuthorizerLogLevel, DEFAULT_BROKER_NODES, DEFAULT_CONTROLLER_NODES, prometheusNetworksOf, requireClientNetworks, storageClassOf, zonesOf, type KubernetesKafkaClusterProps, type KubernetesNodeOptions,
} from '../kubernetes/kubernetes-kafka-cluster-props';
import { renderCruiseControl, type RenderedCruiseControl, type StrimziCruiseControlOptions } from './strimzi-cruise-control';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { STRIMZI_RESERVED_PORTS } from '../../contract/strimzi-ports';

/** A Strimzi node pool: its name, its size, its volume and its container resources (PERF-001). */
export interface StrimziNodePoolOptions extends KubernetesNodeOptions {
  /**
   * The pool name (a DNS label).
   * @default 'controller' for the controller pool, 'broker' for a broker pool, 'dual-role' for a combined node
   */
  readonly name?: string;
}

/** Props of a `StrimziKafkaCluster`: the node pools, listeners, storage and operators of a Strimzi `Kafka`. */
export interface StrimziKafkaClusterProps extends KubernetesKafkaClusterProps {
  /**
   * The `Kafka` name; pods are `<name>-<pool>-<id>`.
   * @default '<environment>-kafka'
   */
  readonly clusterName?: string;
  /**
   * A Kafka version that Strimzi 1.2 runs (4.2.0 to 4.3.1), written out.
   * @default KafkaVersion.V4_3_1
   * @see HA-005
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * The KRaft controller pool: 3 or 5 controllers (7 allowed). Ignored with `combinedNode`.
   * @default - 3 controllers, 2Gi memory, 20Gi volume
   * @see HA-005
   */
  readonly controllers?: StrimziNodePoolOptions;
  /**
   * The broker pools. Each pool is spread evenly over `zones`.
   * @default - one pool 'broker' of 3 brokers, 8Gi memory, 100Gi volume
   * @see HA-001
   * @see HA-006
   */
  readonly brokerPools?: StrimziNodePoolOptions[];
  /**
   * The client listeners.
   * @default - one internal listener 'tls' on 9093 with SCRAM-SHA-512
   * @see SEC-001
   * @see SEC-003
   */
  readonly listeners?: StrimziListenerProps[];
  /**
   * The KafkaUser names that are super users (`authorization.superUsers`). Strimzi adds its own
   * component users. With a mutual-TLS listener each admin is also listed as `CN=<name>`.
   * @default - none
   * @see SEC-004
   */
  readonly admins?: string[];
  /**
   * Whether the volumes are deleted with the cluster (`deleteClaim`). `true` breaks HA-011.
   * @default false
   * @see HA-011
   */
  readonly deleteClaim?: boolean;
  /**
   * The topics and consumer groups Kafka Exporter reports lag for (regular expressions).
   * @default '.*' for both
   */
  readonly kafkaExporterTopicRegex?: string;
  /** @default '.*' */
  readonly kafkaExporterGroupRegex?: string;
  /**
   * Cruise Control: partition rebalancing with goals that keep rack awareness and disk
   * capacity, and auto-rebalancing when a node pool scales up or down.
   * @default - on in staging and production (with autoRebalance), off in development
   * @see https://strimzi.io/docs/operators/latest/deploying#cruise-control-concepts-str
   */
  readonly cruiseControl?: StrimziCruiseControlOptions;
}

const LISTENER_NAME = /^[a-z0-9]{1,11}$/;

/**
 * A Kafka cluster run by the Strimzi 1.2 operator: a `Kafka` (kafka.strimzi.io/v1, KRaft) and
 * its `KafkaNodePool`s, built to the rules of RULES.md:
 * - a controller pool of 3 or 5 and separate broker pools (a combined single node in development only);
 * - rack awareness on `topology.kubernetes.io/zone`; each pool pinned to the zones, spread over them
 *   (`DoNotSchedule`) and over hosts (required anti-affinity), in the pool's own `template.pod`
 *   (a pool template replaces the Kafka template's `pod` section); one PodDisruptionBudget with
 *   maxUnavailable 1 over every node-pool pod (`spec.kafka.template.podDisruptionBudget`);
 * - persistent volumes kept with the cluster (`deleteClaim: false`) on an encrypted StorageClass;
 * - TLS-only listeners, each authenticated (SCRAM-SHA-512, mutual TLS or OAuth), TLS 1.3/1.2,
 *   reachable only from the declared client workloads (`networkPolicyPeers`);
 * - `simple` authorization, deny by default, super users only the declared admins; the authorizer logger on;
 * - the HA and PERF broker settings, resources and heap per pool (PERF-001);
 * - the JMX exporter (`metricsConfig` ConfigMap), Kafka Exporter and the Entity Operator.
 *
 * The `Kafka` is `.kafka` (id `Resource`), the escape hatch:
 * `cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/num.io.threads', 32))`.
 * The rules read the synthesized objects, so a patch that breaks a rule stops synthesis.
 */
export class StrimziKafkaCluster extends KafkaIacConstruct {
  /** The `Kafka` custom resource. */
  public readonly kafka: Kafka;
  /** The controller pool, or undefined with a combined node. */
  public readonly controllerPool?: KafkaNodePool;
  /** The broker pools (the combined pool in development). */
  public readonly brokerPools: readonly KafkaNodePool[];
  /** The JMX exporter ConfigMap. */
  public readonly metricsConfigMap: KubeConfigMap;
  /** The StorageClass created here, when none was given. */
  public readonly encryptedStorageClass?: EncryptedStorageClass;
  public readonly storageClass: IEncryptedStorageClass;
  public readonly networkPolicies: StrimziSupportNetworkPolicies;
  public readonly clusterName: string;
  public readonly kafkaVersion: KafkaVersion;
  public readonly zones: readonly string[];
  /** The number of brokers over all broker pools. */
  public readonly brokers: number;
  /** The broker properties written into `spec.kafka.config`. */
  public readonly brokerProperties: Readonly<Record<string, string>>;
  /** Labels every object of the cluster carries. */
  public readonly labels: Readonly<Record<string, string>>;
  /** Cruise Control's metrics ConfigMap and KafkaRebalance templates, when it runs. */
  public readonly cruiseControl?: RenderedCruiseControl;
  /** The `ServiceExport`s of the bootstrap and brokers Services, when a listener is reached from the cluster set. */
  public readonly serviceExports: readonly ApiObject[];
  /** The namespace of the `Kafka`. */
  public readonly namespace: string;
  private readonly listeners: readonly StrimziListenerProps[];

  public constructor(scope: Construct, id: string, props: StrimziKafkaClusterProps) {
    super(scope, id);

    this.clusterName = checkNameOfObjects(props.clusterName ?? `${this.environment.name}-kafka`, { code: 'KIAC-PROP', path: this.path, prop: 'clusterName' }, {
      maxLength: 40, grammar: 'a DNS label of at most 40 characters (pod and Service names are built from it)', fix: "Use a name such as 'orders-kafka'.",
    });
    const name = this.clusterName;
    this.labels = { [TARGET_LABEL]: RuleTarget.STRIMZI, [KAFKA_CLUSTER_LABEL]: name };

    this.kafkaVersion = props.kafkaVersion ?? KafkaVersion.V4_3_1;
    if (!this.kafkaVersion.isStrimziSupported) {
      throw KafkaIacError.invalidProp({
        code: 'HA-005', path: this.path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
        expected: `a version Strimzi 1.2 runs in KRaft mode (${KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`,
        fix: 'Use KafkaVersion.V4_3_1.',
      });
    }

    this.zones = zonesOf(this.path, this.environment.region, props.zones);

    // Storage class (SEC-006).
    const storage = storageClassOf(this, this.path, props, `${name}-encrypted`, this.labels);
    this.storageClass = storage.storageClass;
    this.encryptedStorageClass = storage.created;

    // Node pools (HA-001, HA-005, HA-006).
    const combined = props.combinedNode ?? false;
    const controllerOptions = { ...DEFAULT_CONTROLLER_NODES, name: 'controller', ...(props.controllers ?? {}) };
    const brokerOptions = (props.brokerPools ?? [{}]).map((p, i) => ({ ...DEFAULT_BROKER_NODES, name: i === 0 ? 'broker' : `broker-${i}`, ...p }));
    if (!combined) refuseControllerCount(this.path, 'controllers.replicas', controllerOptions.replicas);
    if (combined && props.brokerPools !== undefined && props.brokerPools.length > 1) {
      throw KafkaIacError.invalidProp({
        code: 'HA-005', path: this.path, prop: 'brokerPools', found: props.brokerPools.length,
        expected: 'one pool with combinedNode (a single node with both roles)',
        fix: 'Remove combinedNode and declare a controller pool and broker pools, or keep one pool.',
      });
    }
    const pools = combined
      ? [{ ...DEFAULT_BROKER_NODES, replicas: 1, name: 'dual-role', ...(props.brokerPools?.[0] ?? {}), roles: [KafkaNodePoolSpecRoles.CONTROLLER, KafkaNodePoolSpecRoles.BROKER] }]
      : brokerOptions.map((p) => ({ ...p, roles: [KafkaNodePoolSpecRoles.BROKER] }));
    const seen = new Set<string>(combined ? [] : [controllerOptions.name]);
    for (const p of pools) {
      refuseBrokerCount(`${this.path} pool ${p.name}`, 'replicas', p.replicas, 'StrimziKafkaCluster');
      validatePool(this.path, p);
      if (seen.has(p.name)) throw KafkaIacError.duplicate('KIAC-PROP', this.path, 'node pool', p.name);
      seen.add(p.name);
    }
    if (!combined) validatePool(this.path, controllerOptions);
    this.brokers = pools.reduce((sum, p) => sum + p.replicas, 0);

    // Listeners (SEC-001, SEC-003, SEC-007).
    const listenerProps = props.listeners ?? [{ name: 'tls', port: 9093, authentication: ClientAuthentication.scramSha512() }];
    requireClientNetworks(this.path, props.clientNetworks);
    const listeners = renderListeners(this.path, listenerProps, props.clientNetworks, { cluster: name, namespace: this.environment.namespace });
    this.listeners = listenerProps;
    this.namespace = this.environment.namespace;

    // Broker config (HA-002/003/008/010, PERF-001, SEC-002, SEC-004) without keys Strimzi drops.
    this.brokerProperties = {
      ...renderBrokerProperties(this.path, this.brokers, props.brokerConfig),
      'allow.everyone.if.no.acl.found': 'false',
      'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2',
      'ssl.protocol': 'TLSv1.3',
    };
    refuseForbiddenConfig(this.path, this.brokerProperties);

    // Super users (SEC-004).
    const admins = props.admins ?? [];
    const superUsers = superUsersOf(this.path, admins, listenerProps);

    // Metrics (JMX exporter).
    this.metricsConfigMap = new KubeConfigMap(this, 'MetricsConfig', {
      metadata: { name: `${name}-kafka-metrics`, labels: this.labels },
      data: { [JMX_EXPORTER_CONFIG_KEY]: renderJmxExporterConfig() },
    });

    // Cruise Control (rebalancing after scaling), on by default in staging and production.
    const cruiseControl = (props.cruiseControl?.enabled ?? this.environment.isProductionLike)
      ? renderCruiseControl(this, name, this.labels, props.cruiseControl ?? {})
      : undefined;
    this.cruiseControl = cruiseControl;

    const heapOf = (memory: string, poolPath: string) => jvmHeapOptions(brokerHeapMiB(parseMemoryQuantity(memory), poolPath));
    const deleteClaim = props.deleteClaim ?? false;

    this.kafka = new Kafka(this, 'Resource', {
      metadata: {
        name,
        labels: this.labels,
        annotations: { [DECLARED_ADMINS_ANNOTATION]: admins.join(',') },
      },
      spec: {
        kafka: {
          version: this.kafkaVersion.version,
          listeners,
          config: typedConfig(this.brokerProperties),
          authorization: { type: KafkaSpecKafkaAuthorizationType.SIMPLE, superUsers },
          rack: { type: KafkaSpecKafkaRackType.TOPOLOGY_HYPHEN_LABEL, topologyKey: ZONE_TOPOLOGY_KEY },
          // Self-healing, written out: the kubelet restarts a broker that stops answering, and a
          // broker leaves the Service while it is not ready (Strimzi's defaults, made explicit).
          livenessProbe: { ...KAFKA_PROBE },
          readinessProbe: { ...KAFKA_PROBE },
          metricsConfig: {
            type: KafkaSpecKafkaMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
            valueFrom: { configMapKeyRef: { name: `${name}-kafka-metrics`, key: JMX_EXPORTER_CONFIG_KEY } },
          },
          logging: {
            type: KafkaSpecKafkaLoggingType.INLINE,
            loggers: {
              'rootLogger.level': 'INFO',
              'logger.authorizer.name': 'kafka.authorizer.logger',
              'logger.authorizer.level': props.authorizerLogLevel ?? AuthorizerLogLevel.INFO,
            },
          },
          template: {
            podDisruptionBudget: { maxUnavailable: 1 },
            // Fallback for pools without their own template.pod (a pool's pod template replaces this one).
            pod: podTemplate(name, undefined, this.zones, this.labels),
          },
        },
        ...supportOperators(props),
        ...(cruiseControl ? { cruiseControl: cruiseControl.spec } : {}),
      },
    });

    const makePool = (id: string, p: PoolOptions) => this.createPool(id, p, heapOf(p.memory, `${this.path}/${id}`), deleteClaim);
    if (!combined) {
      this.controllerPool = makePool('ControllerPool', { ...controllerOptions, roles: [KafkaNodePoolSpecRoles.CONTROLLER] });
    }
    this.brokerPools = pools.map((p, i) => makePool(combined ? 'CombinedPool' : i === 0 ? 'BrokerPool' : `BrokerPool${i}`, p));

    this.serviceExports = listenerProps.some((l) => l.clusterSet !== undefined) ? exportServices(this, name, this.labels) : [];

    this.networkPolicies = new StrimziSupportNetworkPolicies(this, 'NetworkPolicies', {
      clusterName: name,
      prometheusNetworks: prometheusNetworksOf(props),
    });
  }

  /**
   * The bootstrap address of a listener, for a client in this Kubernetes cluster or, with
   * `ListenerReach.CLUSTER_SET`, in another cluster of the cluster set. The cluster-set address
   * is refused for a listener without `clusterSet`: its certificates do not carry that name and
   * it advertises names that resolve only here, so the client could not connect.
   */
  public bootstrapServers(listenerName: string, reach: ListenerReach = ListenerReach.KUBERNETES_CLUSTER): string {
    const listener = this.listeners.find((l) => l.name === listenerName);
    if (listener === undefined) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: this.path, prop: 'listener', found: listenerName,
        expected: `one of the cluster's listeners (${this.listeners.map((l) => l.name).join(', ')})`,
        fix: 'Name a listener declared in listeners.',
      });
    }
    if (reach === ListenerReach.KUBERNETES_CLUSTER) return `${this.clusterName}-kafka-bootstrap.${this.namespace}.svc:${listener.port}`;
    if (listener.clusterSet === undefined) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: `${this.path} listener ${listenerName}`, prop: 'clusterSet', found: 'none',
        expected: `a listener exposed to the cluster set: without it the brokers advertise in-cluster names and their certificates carry no ${CLUSTER_SET_ZONE} name, so a client in another Kubernetes cluster cannot connect with hostname verification`,
        fix: "Declare a listener with clusterSet: { clusterId: '<this cluster's ID>' } for the cross-cluster clients.",
      });
    }
    return `${clusterSetBootstrapHost(this.clusterName, this.namespace)}:${listener.port}`;
  }

  private createPool(id: string, p: PoolOptions, heap: { readonly xms: string; readonly xmx: string }, deleteClaim: boolean): KafkaNodePool {
    const name = this.clusterName;
      return new KafkaNodePool(this, id, {
        metadata: {
          name: p.name,
          labels: { ...this.labels, [STRIMZI_CLUSTER_LABEL]: name },
          annotations: this.storageClass.synthesized ? undefined : { [STORAGE_KMS_KEY_ANNOTATION]: this.storageClass.kmsKeyId },
        },
        spec: {
          replicas: p.replicas,
          roles: p.roles,
          storage: {
            type: KafkaNodePoolSpecStorageType.JBOD,
            volumes: [{
              id: 0,
              type: KafkaNodePoolSpecStorageVolumesType.PERSISTENT_HYPHEN_CLAIM,
              size: p.storageSize,
              class: this.storageClass.storageClassName,
              deleteClaim,
              kraftMetadata: KafkaNodePoolSpecStorageVolumesKraftMetadata.SHARED,
            }],
          },
          resources: {
            requests: { cpu: KafkaNodePoolSpecResourcesRequests.fromString(p.cpu), memory: KafkaNodePoolSpecResourcesRequests.fromString(p.memory) },
            limits: { cpu: KafkaNodePoolSpecResourcesLimits.fromString(p.cpu), memory: KafkaNodePoolSpecResourcesLimits.fromString(p.memory) },
          },
          jvmOptions: { xms: heap.xms, xmx: heap.xmx },
          template: {
            pod: podTemplate(name, p.name, this.zones, this.labels),
            persistentVolumeClaim: { metadata: { labels: { ...this.labels } } },
          },
        },
      });
  }
}

/**
 * The Kafka container's liveness and readiness probes: Strimzi's defaults (15 s initial delay,
 * 5 s timeout), plus a period of 10 s and 3 failures before a restart or removal from the Service.
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-Probe-reference
 */
export const KAFKA_PROBE = { initialDelaySeconds: 15, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3 } as const;

/** Seconds a broker gets to shut down cleanly (move leadership, flush) before it is killed; Strimzi's default is 30. */
export const KAFKA_TERMINATION_GRACE_PERIOD_SECONDS = 120;

/** The pod template of a pool (or, without a pool, of every Kafka pod): zones, zone spread, host anti-affinity. */
function podTemplate(cluster: string, pool: string | undefined, zones: readonly string[], labels: Readonly<Record<string, string>>) {
  const spreadSelector: Record<string, string> = pool === undefined
    ? { [STRIMZI_CLUSTER_LABEL]: cluster, 'strimzi.io/name': `${cluster}-kafka` }
    : { [STRIMZI_CLUSTER_LABEL]: cluster, 'strimzi.io/pool-name': pool };
  return {
    metadata: { labels: { ...labels } },
    terminationGracePeriodSeconds: KAFKA_TERMINATION_GRACE_PERIOD_SECONDS,
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_TOPOLOGY_KEY, operator: 'In', values: [...zones] }] }],
        },
      },
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{
          labelSelector: { matchLabels: { [STRIMZI_CLUSTER_LABEL]: cluster, 'strimzi.io/name': `${cluster}-kafka` } },
          topologyKey: HOSTNAME_TOPOLOGY_KEY,
        }],
      },
    },
    topologySpreadConstraints: [{
      maxSkew: 1,
      topologyKey: ZONE_TOPOLOGY_KEY,
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: spreadSelector },
    }],
  };
}

/** Config values as YAML scalars: numbers and booleans unquoted, like Strimzi's examples. */
function typedConfig(props: Readonly<Record<string, string>>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(props).sort()) {
    const v = props[key];
    out[key] = v === 'true' ? true : v === 'false' ? false : /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;
  }
  return out;
}

/** The bootstrap Service's name in the cluster set's DNS (KEP-1645 `<service>.<ns>.svc.clusterset.local`). */
function clusterSetBootstrapHost(cluster: string, namespace: string): string {
  return `${cluster}-kafka-bootstrap.${namespace}.svc.${CLUSTER_SET_ZONE}`;
}

/**
 * The cluster-set `configuration` of a listener: the bootstrap Service's cluster-set name as an
 * alternative name, and each broker advertised as its pod in the exported headless Service
 * (KEP-1645 `<hostname>.<clusterid>.<service>.<ns>.svc.clusterset.local`; Strimzi pods are the
 * endpoints' hostnames). Strimzi adds `bootstrap.alternativeNames` and, on a TLS internal
 * listener, the advertised host of each broker to the broker certificates' SANs
 * (KafkaListenersReconciler.internalServicesReady), and renders `{nodePodName}` per node
 * (ModelUtils.renderTemplate).
 */
function clusterSetConfiguration(where: string, l: StrimziListenerProps, target: { readonly cluster: string; readonly namespace: string }) {
  if (l.clusterSet === undefined) return undefined;
  if ((l.type ?? StrimziListenerType.INTERNAL) !== StrimziListenerType.INTERNAL) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path: where, prop: 'clusterSet', found: l.type,
      expected: 'an internal listener (the cluster set exports its headless brokers Service)',
      fix: 'Remove type, or remove clusterSet.',
    });
  }
  const clusterId = checkDnsLabel(l.clusterSet.clusterId, { code: 'KIAC-PROP', path: where, prop: 'clusterSet.clusterId' });
  return {
    bootstrap: { alternativeNames: [clusterSetBootstrapHost(target.cluster, target.namespace)] },
    advertisedHostTemplate: `{nodePodName}.${clusterId}.${target.cluster}-kafka-brokers.${target.namespace}.svc.${CLUSTER_SET_ZONE}`,
  };
}

/**
 * The `ServiceExport`s (multicluster.x-k8s.io/v1alpha1, KEP-1645: name and namespace of the
 * Service to export) of the bootstrap Service and the headless brokers Service Strimzi creates.
 */
function exportServices(scope: Construct, cluster: string, labels: Readonly<Record<string, string>>): ApiObject[] {
  return [['BootstrapServiceExport', `${cluster}-kafka-bootstrap`], ['BrokersServiceExport', `${cluster}-kafka-brokers`]].map(([id, service]) =>
    new ApiObject(scope, id, { apiVersion: 'multicluster.x-k8s.io/v1alpha1', kind: 'ServiceExport', metadata: { name: service, labels: { ...labels } } }));
}

/** Listener names and ports of the Strimzi target: Strimzi's listener name grammar, and a port Strimzi does not use itself. */
const LISTENER_RULES: ListenerNameAndPortRules = {
  checkName: (where, name) => {
    if (!LISTENER_NAME.test(name)) {
      throw KafkaIacError.grammar({ code: 'KIAC-PROP', path: where, prop: 'name', found: name, grammar: 'lower-case letters and digits, at most 11 characters', fix: "Use a name such as 'tls' or 'scram'." });
    }
  },
  checkPort: (where, port) => {
    if (!Number.isInteger(port) || port < 9092 || STRIMZI_RESERVED_PORTS.includes(port)) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-PROP', path: where, prop: 'port', found: port, expected: `an integer of at least 9092, not ${STRIMZI_RESERVED_PORTS.join('/')} (used by Strimzi, metrics and JMX)`, fix: 'Use 9093, 9094, ...' });
    }
  },
  refuseUnauthenticated: (name) => checkListenerAuthentication(undefined, name),
};

function renderListeners(
  path: string, listeners: readonly StrimziListenerProps[], clientNetworks: readonly ClientNetwork[],
  target: { readonly cluster: string; readonly namespace: string },
): KafkaSpecKafkaListeners[] {
  return checkedListeners(path, listeners, LISTENER_RULES, (l, where) => {
    const configuration = clusterSetConfiguration(where, l, target);
    return {
      name: l.name,
      port: l.port,
      type: (l.type ?? StrimziListenerType.INTERNAL) as unknown as KafkaSpecKafkaListenersType,
      tls: true,
      authentication: renderAuthentication(where, l),
      ...(configuration ? { configuration } : {}),
      networkPolicyPeers: (l.clientNetworks ?? clientNetworks).map((n) => networkPolicyPeerOf(n, where)) as any,
    };
  });
}

function renderAuthentication(where: string, l: StrimziListenerProps): KafkaSpecKafkaListeners['authentication'] {
  const mechanism = l.authentication?.mechanism;
  if (mechanism !== AuthenticationMechanism.OAUTH_BEARER && l.customListenerConfig !== undefined) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-003', path: where, prop: 'customListenerConfig', found: Object.keys(l.customListenerConfig),
      expected: 'only with ClientAuthentication.oauthBearer()', fix: 'Remove customListenerConfig.',
    });
  }
  switch (mechanism) {
    case AuthenticationMechanism.SCRAM_SHA_512:
      return { type: KafkaSpecKafkaListenersAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512 };
    case AuthenticationMechanism.MUTUAL_TLS:
      return { type: KafkaSpecKafkaListenersAuthenticationType.TLS };
    case AuthenticationMechanism.OAUTH_BEARER: {
      const config = l.customListenerConfig ?? {};
      const mechanisms = String(config['sasl.enabled.mechanisms'] ?? '').toUpperCase().split(',').map((s) => s.trim());
      const prop = "customListenerConfig['sasl.enabled.mechanisms']";
      refuse(where, prop, config['sasl.enabled.mechanisms'], checkNoSaslPlain(mechanisms));
      if (!mechanisms.includes('OAUTHBEARER')) {
        throw KafkaIacError.invalidProp({
          code: 'SEC-003', path: where, prop, found: config['sasl.enabled.mechanisms'],
          expected: "'OAUTHBEARER'",
          fix: "Set customListenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER', ... } with the OAuth callback handler settings.",
        });
      }
      return { type: KafkaSpecKafkaListenersAuthenticationType.CUSTOM, sasl: true, listenerConfig: { ...config } };
    }
    default:
      // No authentication, or IAM (MSK only): no Strimzi authentication type.
      throw refusalError(where, 'authentication', mechanism ?? 'none', checkListenerAuthentication(undefined, l.name)!);
  }
}

/** The entity operator (topic and user operators) and Kafka Exporter of the Kafka, with their resources. */
function supportOperators(props: StrimziKafkaClusterProps): Pick<KafkaSpec, 'entityOperator' | 'kafkaExporter'> {
  return {
    entityOperator: {
      topicOperator: {
        resources: {
          requests: { cpu: KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('100m'), memory: KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('256Mi') },
          limits: { memory: KafkaSpecEntityOperatorTopicOperatorResourcesLimits.fromString('512Mi') },
        },
      },
      userOperator: {
        resources: {
          requests: { cpu: KafkaSpecEntityOperatorUserOperatorResourcesRequests.fromString('100m'), memory: KafkaSpecEntityOperatorUserOperatorResourcesRequests.fromString('256Mi') },
          limits: { memory: KafkaSpecEntityOperatorUserOperatorResourcesLimits.fromString('512Mi') },
        },
      },
    },
    kafkaExporter: {
      topicRegex: props.kafkaExporterTopicRegex ?? '.*',
      groupRegex: props.kafkaExporterGroupRegex ?? '.*',
      resources: {
        requests: { cpu: KafkaSpecKafkaExporterResourcesRequests.fromString('100m'), memory: KafkaSpecKafkaExporterResourcesRequests.fromString('128Mi') },
        limits: { memory: KafkaSpecKafkaExporterResourcesLimits.fromString('256Mi') },
      },
    },
  };
}

type PoolOptions = Required<StrimziNodePoolOptions> & { readonly roles: KafkaNodePoolSpecRoles[] };

function validatePool(path: string, p: Required<StrimziNodePoolOptions>): void {
  const where = `${path} pool ${p.name}`;
  checkNameOfObjects(p.name, { code: 'KIAC-PROP', path: where, prop: 'name' }, { grammar: 'a DNS label', fix: "Use a name such as 'broker'." });
  checkInteger(p.replicas, { code: 'HA-001', path: where, prop: 'replicas' }, { min: 1, max: KUBERNETES_MAX_NODES, limitOf: 'Kubernetes nodes-per-cluster', fix: `Set replicas: 3 (at most ${KUBERNETES_MAX_NODES}, one Kafka node per Kubernetes node).` });
  for (const [prop, value] of [['memory', p.memory], ['storageSize', p.storageSize]] as const) {
    if (!Number.isFinite(parseMemoryQuantity(value))) {
      throw KafkaIacError.grammar({ code: 'KIAC-PROP', path: where, prop, found: value, grammar: 'a Kubernetes quantity such as 8Gi', fix: `Set ${prop}: '8Gi'.` });
    }
  }
}

/** Refuses broker config keys Strimzi 1.2 silently drops (naming the rule each belongs to). */
function refuseForbiddenConfig(path: string, brokerProperties: Record<string, string>): void {
  const forbidden = strimziForbiddenConfigKeys(brokerProperties);
  if (forbidden.length > 0) {
    const first = forbidden[0];
    throw KafkaIacError.invalidProp({
      code: first.family.ruleId, path, prop: `brokerConfig key '${first.key}'`, found: brokerProperties[first.key],
      expected: `no key starting with '${first.prefix}': Strimzi 1.2 silently drops it (${forbidden.map((k) => k.key).join(', ')})`,
      fix: `Remove it; ${first.family.instead}.`,
    });
  }
}

/** The super users of the Kafka (SEC-004): the admins' KafkaUser names, and their certificate names with mutual TLS. */
function superUsersOf(path: string, admins: readonly string[], listenerProps: readonly StrimziListenerProps[]): string[] {
  for (const admin of admins) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(admin)) {
      throw KafkaIacError.grammar({
        code: 'SEC-004', path, prop: 'admins', found: admin,
        grammar: 'KafkaUser names (lower-case letters, digits, dots and dashes)',
        fix: "List the admin KafkaUser names, such as 'platform-admin'.",
      });
    }
  }
  const mutualTls = listenerProps.some((l) => l.authentication.mechanism === AuthenticationMechanism.MUTUAL_TLS);
  return admins.flatMap((a) => mutualTls ? [a, `CN=${a}`] : [a]);
}
