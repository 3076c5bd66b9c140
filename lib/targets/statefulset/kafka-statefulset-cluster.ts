import { checkInteger } from '../../model/grammar/numbers';
import { KUBERNETES_MAX_NODES } from '../../model/grammar/limits';
import { JsonPatch } from 'cdk8s';
import { checkClusterDomain, checkNameOfObjects } from '../../model/grammar/names';
import { IntOrString, KubeClusterRole, KubeClusterRoleBinding, KubePodDisruptionBudget, KubeService, KubeServiceAccount, KubeStatefulSet } from '../../imports/k8s';
import { Construct } from 'constructs';
import { renderBrokerProperties } from '../../model/broker-config';
import { AuthenticationMechanism, ClientAuthentication } from '../../model/client-authentication';
import { EnvironmentProfile } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { checkKafkaImage, checkListenerProtocolAuthenticates, isApacheKafkaRepository, refuse, refuseBrokerCount, refuseControllerCount } from '../../model/rule-checks';
import { parseMemoryQuantity } from '../../model/jvm-heap';
import { brokerDisruptionBudget, quorumDisruptionBudget } from '../../model/disruption-budget';
import { KafkaVersion } from '../../model/kafka-version';
import { RuleTarget } from '../../contract/rule-target';

import { EncryptedStorageClass, type IEncryptedStorageClass } from '../kubernetes/encrypted-storage-class';
import { KAFKA_CLUSTER_LABEL, KAFKA_NODE_ROLE_LABEL, TARGET_LABEL } from '../../contract/vocabulary';
import { KafkaNetworkPolicies } from './kafka-network-policies';
import type { CertificateIssuerRef } from './cert-manager-certificate';
import { JmxExporterAgent } from './jmx-exporter-agent';
import { KAFKA_EXPORTER_NAME_LABEL_VALUE, StatefulSetKafkaExporter } from './kafka-exporter';
import { KafkaNodeRole, StatefulSetPorts, renderLog4j2Properties, type FormatTimeScramUser, type RenderedClientListener } from './kafka-node-properties';
import { KafkaListenerProtocol, type StatefulSetListenerProps } from './statefulset-listener';
import { checkedListeners, type ListenerNameAndPortRules } from '../kubernetes/kubernetes-listeners';
import { AuthorizerLogLevel, DEFAULT_BROKER_NODES, DEFAULT_CONTROLLER_NODES, prometheusNetworksOf, requireClientNetworks, storageClassOf, zonesOf, type KubernetesKafkaClusterProps } from '../kubernetes/kubernetes-kafka-cluster-props';
import { KafkaStatefulSetNodeSet, type KafkaNodeSet, type KafkaNodeSetCluster, type KafkaStatefulSetNodeOptions } from './kafka-node-set';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

export type { KafkaNodeSet, KafkaStatefulSetNodeOptions } from './kafka-node-set';

/**
 * The authorizer logger's level: the same levels as on Strimzi.
 * @deprecated Use `AuthorizerLogLevel`, which both Kubernetes targets take.
 */
export const StatefulSetAuthorizerLogLevel = AuthorizerLogLevel;
/**
 * The authorizer logger's level.
 * @deprecated Use `AuthorizerLogLevel`.
 */
export type StatefulSetAuthorizerLogLevel = AuthorizerLogLevel;

/** Props of a `KafkaStatefulSetCluster`: the Kafka nodes, listeners, access and certificates of a plain StatefulSet cluster. */
export interface KafkaStatefulSetClusterProps extends KubernetesKafkaClusterProps {
  /**
   * The cluster name; objects are `<name>-broker`, `<name>-controller`, `<name>-bootstrap`, ...
   * @default '<environment>-kafka'
   */
  readonly clusterName?: string;
  /**
   * An Apache Kafka 4.x version (KRaft only), the tag of the `apache/kafka` image.
   * @default KafkaVersion.V4_3_1
   * @see HA-005
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * The Kafka image repository; the tag is the version. `apache/kafka`, `apache/kafka-native`, or a
   * mirror that keeps that path (`registry.example.com/apache/kafka`): HA-005 refuses an image whose
   * tag is not its Kafka version.
   * @default 'apache/kafka'
   */
  readonly imageRepository?: string;
  /**
   * The KRaft controllers: 3 or 5 (7 allowed). Ignored with `combinedNode`.
   * @default - 3 controllers, 2Gi memory, 20Gi volume
   * @see HA-005
   */
  readonly controllers?: KafkaStatefulSetNodeOptions;
  /**
   * The brokers (the combined node with `combinedNode`).
   * @default - 3 brokers, 8Gi memory, 100Gi volume (1 node with `combinedNode`)
   * @see HA-001
   */
  readonly brokers?: KafkaStatefulSetNodeOptions;
  /**
   * The client listeners.
   * @default - one listener 'scram' on 9093 with SCRAM-SHA-512
   * @see SEC-001
   * @see SEC-003
   */
  readonly listeners?: StatefulSetListenerProps[];
  /**
   * The admin principals: super users (`User:<name>`), and SCRAM-SHA-512 users created at
   * storage format time from the Secret `<name>-credentials` (key `password`).
   * @default - none
   * @see SEC-004
   */
  readonly admins?: string[];
  /**
   * The cert-manager issuer that signs and renews the node certificates. It must exist.
   * @default - the Issuer `<clusterName>-ca` in the namespace
   * @see SEC-010
   */
  readonly certificateIssuer?: CertificateIssuerRef;
  /**
   * The Secret (key `password`) that protects the PKCS#12 keystores, made outside the manifests.
   * @default '<clusterName>-keystore-password'
   */
  readonly keystorePasswordSecretName?: string;
  /**
   * The Secret (key `password`) of the inter-broker SCRAM user `<clusterName>-broker`.
   * @default '<clusterName>-broker-scram'
   */
  readonly brokerScramSecretName?: string;
  /**
   * Where the JMX exporter agent comes from.
   * @default JmxExporterAgent.download('1.1.0'): the 1.1.0 release jar, checked against its pinned SHA-256
   */
  readonly jmxExporterAgent?: JmxExporterAgent;
  /**
   * The Kubernetes cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

const LISTENER_NAME = /^[a-z][a-z0-9]{0,10}$/;
const RESERVED_PORTS: readonly number[] = [StatefulSetPorts.CONTROLLER, StatefulSetPorts.REPLICATION, StatefulSetPorts.METRICS, StatefulSetPorts.KAFKA_EXPORTER];

/**
 * Apache Kafka 4 (KRaft) on plain Kubernetes StatefulSets, without an operator, with the official
 * `apache/kafka` image, built to the rules of RULES.md:
 * - a controller StatefulSet of 3 or 5 and a broker StatefulSet (a combined single node in
 *   development), headless Services, a bootstrap Service;
 * - `server.properties` rendered into a ConfigMap; passwords only as config-provider references
 *   to mounted Secrets; TLS from cert-manager Certificates (PKCS#12, renewed by cert-manager);
 * - SSL or SASL_SSL on every listener; the controller listener SSL with client certificates;
 *   the inter-broker SCRAM user and the admins created at storage format time (`--add-scram`);
 * - StandardAuthorizer, deny by default, super users only the declared admins and the cluster's
 *   own nodes; the authorizer logger on;
 * - `broker.rack` from the node's zone label (an init container reads it), zone pinning and spread
 *   (`DoNotSchedule`), host anti-affinity, one PodDisruptionBudget over every Kafka pod (brokers
 *   keep `min.insync.replicas`, controllers a quorum majority; at most 1), readiness on broker
 *   state, replica catch-up and quorum membership, PVCs retained on an encrypted StorageClass;
 * - the JMX exporter as a java agent (from an init container) with the shared rules, and Kafka
 *   Exporter for consumer lag; deny-by-default NetworkPolicies.
 *
 * The broker StatefulSet is `.resource` (id `Brokers/Resource`): for example
 * `cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 6))`. Rules read the
 * synthesized objects, so a patch that breaks a rule stops synthesis.
 */
export class KafkaStatefulSetCluster extends KafkaIacConstruct {
  /** The broker StatefulSet (the combined one with `combinedNode`). */
  public readonly resource: KubeStatefulSet;
  public readonly brokers: KafkaNodeSet;
  /** The controllers, or undefined with a combined node. */
  public readonly controllers?: KafkaNodeSet;
  public readonly bootstrapService: KubeService;
  /**
   * The one PodDisruptionBudget over every Kafka pod (brokers and controllers, or the combined
   * node), named `<name>-kafka`: `maxUnavailable` is the smaller of the brokers' budget (the
   * smallest `replication factor - min ISR` of the cluster's defaults) and the quorum's
   * (`floor((voters - 1) / 2)`), at most 1 (HA-009: one Kafka node at a time, whatever its role).
   */
  public readonly podDisruptionBudget: KubePodDisruptionBudget;
  public readonly networkPolicies: KafkaNetworkPolicies;
  public readonly kafkaExporter: StatefulSetKafkaExporter;
  public readonly encryptedStorageClass?: EncryptedStorageClass;
  public readonly storageClass: IEncryptedStorageClass;
  public readonly clusterName: string;
  public readonly kafkaVersion: KafkaVersion;
  /** The `apache/kafka` image (the access Job runs its admin tools from it). */
  public readonly image: string;
  public readonly zones: readonly string[];
  /** `bootstrap.servers` of the first SCRAM-SHA-512 listener (or the first listener). */
  public readonly bootstrapServers: string;
  /** The Secret with the CA certificate clients trust (key `ca.crt`). */
  public readonly caCertificateSecretName: string;
  /** The Secret with an admin's SCRAM password (key `password`), by admin name. */
  public readonly adminSecretNames: ReadonlyMap<string, string>;
  /** The SCRAM user and Secret of Kafka Exporter; grant it Describe on the topics and groups it reports. */
  public readonly kafkaExporterUser: string;
  public readonly kafkaExporterSecretName: string;
  /** Labels every object of the cluster carries. */
  public readonly labels: Readonly<Record<string, string>>;
  /** Labels every Kafka node pod carries (brokers and controllers). */
  public readonly nodePodLabels: Readonly<Record<string, string>>;

  public constructor(scope: Construct, id: string, props: KafkaStatefulSetClusterProps) {
    super(scope, id);
    const namespace = this.environment.namespace;

    this.clusterName = checkNameOfObjects(props.clusterName ?? `${this.environment.name}-kafka`, { code: 'KIAC-PROP', path: this.path, prop: 'clusterName' }, {
      maxLength: 30, grammar: 'a DNS label of at most 30 characters (Service, pod and certificate names are built from it)', fix: "Use a name such as 'orders-kafka'.",
    });
    const name = this.clusterName;
    this.labels = { [TARGET_LABEL]: RuleTarget.STATEFULSET, [KAFKA_CLUSTER_LABEL]: name };
    this.nodePodLabels = { ...this.labels, 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': name };

    this.kafkaVersion = props.kafkaVersion ?? KafkaVersion.V4_3_1;
    const repository = props.imageRepository ?? 'apache/kafka';
    this.image = `${repository}:${this.kafkaVersion.version}`;
    // The same check HA-005 runs on the synthesized StatefulSet.
    refuse(this.path, isApacheKafkaRepository(repository) ? 'kafkaVersion' : 'imageRepository',
      isApacheKafkaRepository(repository) ? this.kafkaVersion.version : repository, checkKafkaImage(this.image));
    this.zones = zonesOf(this.path, this.environment.region, props.zones);

    const { combined, controllerOptions, brokerOptions } = nodeOptionsOf(this.path, props);

    // Storage (SEC-006, HA-011).
    const storage = storageClassOf(this, this.path, props, `${namespace}-${name}-encrypted`, this.labels);
    this.storageClass = storage.storageClass;
    this.encryptedStorageClass = storage.created;

    // Listeners (SEC-001, SEC-003, SEC-007).
    requireClientNetworks(this.path, props.clientNetworks);
    const listenerProps = props.listeners ?? [{ name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }];
    const clientListeners = renderListeners(this.path, listenerProps);
    const scramListener = clientListeners.find((l) => l.mechanism === AuthenticationMechanism.SCRAM_SHA_512);
    if (!scramListener) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: this.path, prop: 'listeners', found: listenerProps.map((l) => `${l.name}:${l.authentication.mechanism}`),
        expected: 'at least one SCRAM-SHA-512 listener, which Kafka Exporter and the admin Job connect to',
        fix: "Add { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
      });
    }
    const domain = checkClusterDomain(props.clusterDomain ?? 'cluster.local', { code: 'KIAC-PROP', path: this.path, prop: 'clusterDomain' });
    this.bootstrapServers = `${name}-bootstrap.${namespace}.svc:${scramListener.port}`;

    // Principals (SEC-004) and the Secrets they come from (SEC-009).
    const admins = props.admins ?? [];
    validateAdmins(this.path, admins);
    const brokerUser = `${name}-broker`;
    const controllerPrincipal = `${name}-controller`;
    this.kafkaExporterUser = `${name}-kafka-exporter`;
    this.kafkaExporterSecretName = `${name}-kafka-exporter-scram`;
    this.adminSecretNames = new Map(admins.map((a) => [a, `${a}-credentials`]));
    const brokerScramSecret = props.brokerScramSecretName ?? `${name}-broker-scram`;
    const keystorePasswordSecret = props.keystorePasswordSecretName ?? `${name}-keystore-password`;
    const superUsers = [brokerUser, ...(combined ? [] : [controllerPrincipal]), ...admins].map((u) => `User:${u}`);
    const scramUsers: { user: FormatTimeScramUser; secret: string }[] = [
      { user: { user: brokerUser }, secret: brokerScramSecret },
      { user: { user: this.kafkaExporterUser }, secret: this.kafkaExporterSecretName },
      ...admins.map((a) => ({ user: { user: a }, secret: `${a}-credentials` })),
    ];
    const issuer = props.certificateIssuer ?? { name: `${name}-ca` };
    const brokerProperties = renderBrokerProperties(this.path, brokerOptions.replicas, props.brokerConfig);
    const agent = props.jmxExporterAgent ?? JmxExporterAgent.download();
    const log4j = renderLog4j2Properties(props.authorizerLogLevel ?? AuthorizerLogLevel.INFO);

    const serviceAccount = this.createNodeReader(name, namespace);

    const voterSet = combined ? `${name}-combined` : `${name}-controller`;
    const voterCount = combined ? 1 : controllerOptions.replicas;
    const quorumVoters = Array.from({ length: voterCount }, (_, i) =>
      `${i}@${voterSet}-${i}.${voterSet}-headless.${namespace}.svc.${domain}:${StatefulSetPorts.CONTROLLER}`).join(',');

    const shared: KafkaNodeSetCluster = {
      path: this.path, environmentName: this.environment.name, name, namespace, domain, labels: this.labels, nodePodLabels: this.nodePodLabels,
      image: this.image, zones: this.zones, storageClass: this.storageClass, serviceAccountName: serviceAccount.name, quorumVoters,
      clientListeners, brokerProperties, superUsers, brokerUser, controllerPrincipal, issuer, keystorePasswordSecret, brokerScramSecret,
      admins, log4j, scramUsers, agent,
    };
    const makeNodeSet = (cid: string, role: KafkaNodeRole, options: Required<KafkaStatefulSetNodeOptions>): KafkaNodeSet =>
      new KafkaStatefulSetNodeSet(this, cid, { role, options, cluster: shared });

    if (!combined) this.controllers = makeNodeSet('Controllers', KafkaNodeRole.CONTROLLER, controllerOptions);
    this.brokers = makeNodeSet(combined ? 'Combined' : 'Brokers', combined ? KafkaNodeRole.COMBINED : KafkaNodeRole.BROKER, brokerOptions);
    this.resource = this.brokers.statefulSet;
    this.caCertificateSecretName = this.brokers.certificate.secretName;
    const kafkaPodSelector = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' };
    const brokerSelector = { ...kafkaPodSelector, [KAFKA_NODE_ROLE_LABEL]: this.brokers.role };
    const controllerSelector = { ...kafkaPodSelector, [KAFKA_NODE_ROLE_LABEL]: this.controllers?.role ?? KafkaNodeRole.COMBINED };

    this.bootstrapService = new KubeService(this, 'BootstrapService', {
      metadata: { name: `${name}-bootstrap`, labels: { ...this.labels } },
      spec: {
        type: 'ClusterIP',
        // Readiness says "caught up", not "can answer": while any broker is away, the brokers
        // that lead its partitions report them under-replicated and are not ready. Clients
        // only bootstrap here (then they use the advertised pod names), and a running broker
        // answers metadata requests, so the bootstrap address keeps every broker pod.
        publishNotReadyAddresses: true,
        selector: brokerSelector,
        ports: clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: IntOrString.fromNumber(l.port) })),
      },
    });

    // The disruption budget (HA-009): one budget over every Kafka pod, whatever its role, so
    // that a drain takes one Kafka node at a time (two budgets, one per role, would let a
    // broker and a controller go together; Strimzi also writes one over every node-pool pod).
    // It allows what both sides allow: brokers keep min.insync.replicas of every partition,
    // controllers keep a quorum majority. A pod covered by two budgets cannot be evicted at
    // all, so there is no other budget over these pods.
    this.podDisruptionBudget = new KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata: { name: `${name}-kafka`, labels: { ...this.labels } },
      spec: {
        maxUnavailable: IntOrString.fromNumber(disruptionBudgetOf(this.path, this.environment.profile === EnvironmentProfile.DEVELOPMENT, combined, brokerProperties, voterCount)),
        selector: { matchLabels: { ...kafkaPodSelector } },
      },
    });

    const exporterPodLabels = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': KAFKA_EXPORTER_NAME_LABEL_VALUE };
    this.kafkaExporter = new StatefulSetKafkaExporter(this, 'KafkaExporter', {
      clusterName: name, labels: this.labels, podLabels: exporterPodLabels,
      bootstrapServer: this.bootstrapServers, kafkaVersion: this.kafkaVersion.version, user: this.kafkaExporterUser, passwordSecretName: this.kafkaExporterSecretName,
      caSecretName: this.caCertificateSecretName,
    });

    const defaultNetworks = props.clientNetworks;
    this.networkPolicies = new KafkaNetworkPolicies(this, 'NetworkPolicies', {
      clusterName: name,
      labels: this.labels,
      clusterPodSelector: { [KAFKA_CLUSTER_LABEL]: name },
      brokerPodSelector: brokerSelector,
      controllerPodSelector: controllerSelector,
      replicationPort: StatefulSetPorts.REPLICATION,
      controllerPort: StatefulSetPorts.CONTROLLER,
      listeners: listenerProps.map((l) => ({ name: l.name, port: l.port, clientNetworks: l.clientNetworks ?? defaultNetworks })),
      internalClients: [exporterPodLabels, { [TARGET_LABEL]: RuleTarget.STATEFULSET, 'app.kubernetes.io/name': `${name}-access` }],
      prometheusNetworks: prometheusNetworksOf(props),
      metricsEndpoints: [
        { podSelector: kafkaPodSelector, port: StatefulSetPorts.METRICS },
        { podSelector: exporterPodLabels, port: StatefulSetPorts.KAFKA_EXPORTER },
      ],
    });
  }

  /** RBAC for the rack init container: read the node's zone label. */
  private createNodeReader(name: string, namespace: string): KubeServiceAccount {
    const serviceAccount = new KubeServiceAccount(this, 'ServiceAccount', {
      metadata: { name: `${name}-kafka`, labels: { ...this.labels } },
      automountServiceAccountToken: false,
    });
    const nodeReader = new KubeClusterRole(this, 'NodeReader', {
      metadata: { name: `${namespace}-${name}-node-reader`, labels: { ...this.labels } },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
    });
    const binding = new KubeClusterRoleBinding(this, 'NodeReaderBinding', {
      metadata: { name: `${namespace}-${name}-node-reader`, labels: { ...this.labels } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${namespace}-${name}-node-reader` },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount.name, namespace }],
    });
    for (const clusterScoped of [nodeReader, binding]) clusterScoped.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    return serviceAccount;
  }

  /** The number of Kafka node pods (brokers and controllers), as a PodMonitor expects them. */
  public get expectedNodes(): number {
    return (this.brokers.statefulSet.toJson().spec?.replicas ?? 0) + (this.controllers?.statefulSet.toJson().spec?.replicas ?? 0);
  }
}

/** Listener names and ports of the StatefulSet target: a properties-file listener name, and a port its own listeners do not use. */
const LISTENER_RULES: ListenerNameAndPortRules = {
  checkName: (where, name) => {
    if (!LISTENER_NAME.test(name) || ['controller', 'replication'].includes(name)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PROP', path: where, prop: 'name', found: name,
        grammar: "a lower-case letter, then letters and digits, at most 11 characters; not 'controller' or 'replication'",
        fix: "Use a name such as 'scram' or 'mtls'.",
      });
    }
  },
  checkPort: (where, port) => {
    if (!Number.isInteger(port) || port < 9092 || port > 65535 || RESERVED_PORTS.includes(port)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: where, prop: 'port', found: port,
        expected: `an integer from 9092 to 65535, not ${RESERVED_PORTS.join('/')} (controller, replication, metrics)`, fix: 'Use 9093, 9094, ...',
      });
    }
  },
  refuseUnauthenticated: (name) => checkListenerProtocolAuthenticates(undefined, name),
};

function renderListeners(path: string, listeners: readonly StatefulSetListenerProps[]): RenderedClientListener[] {
  return checkedListeners(path, listeners, LISTENER_RULES, (l, where) => {
    const mechanism = l.authentication?.mechanism;
    switch (mechanism) {
      case AuthenticationMechanism.SCRAM_SHA_512:
        return { name: l.name.toUpperCase(), port: l.port, protocol: KafkaListenerProtocol.SASL_SSL, mechanism };
      case AuthenticationMechanism.MUTUAL_TLS:
        return { name: l.name.toUpperCase(), port: l.port, protocol: KafkaListenerProtocol.SSL, mechanism };
      default:
        // IAM or OAuth bearer (a listener without authentication was refused above).
        throw KafkaIacError.invalidProp({
          code: 'SEC-003', path: where, prop: 'authentication', found: mechanism,
          expected: 'ClientAuthentication.scramSha512() or .mutualTls(); IAM is MSK-only and OAuth bearer is offered on Strimzi',
          fix: 'Set authentication: ClientAuthentication.scramSha512().',
        });
    }
  });
}

/**
 * The `maxUnavailable` of the PodDisruptionBudget over every Kafka pod: the smaller of the
 * brokers' budget (min ISR) and the quorum's. When no broker can be disrupted without a
 * partition falling below its min ISR (replication factor = min ISR), staging and production
 * are refused: a budget of 0 blocks every node drain, and 1 would stop `acks=all` writes.
 * Development writes 0 (a drain waits until the pod is deleted by hand).
 */
function disruptionBudgetOf(path: string, development: boolean, combined: boolean, brokerProperties: Readonly<Record<string, string>>, voters: number) {
  const broker = brokerDisruptionBudget(brokerProperties);
  const controllers = quorumDisruptionBudget(voters);
  // A combined node is one node: HA-001 and HA-005 already refuse it outside development.
  if (broker.maxUnavailable === 0 && !development && !combined) {
    throw KafkaIacError.invalidProp({
      code: 'HA-009', path, prop: 'brokerConfig', found: broker.tightest,
      expected: 'a replication factor above min.insync.replicas, so that one broker can be drained without stopping acks=all writes',
      fix: 'Set replicationFactor: 3 and minInsyncReplicas: 2 (and leave the replication settings out of extra).',
    });
  }
  return Math.min(broker.maxUnavailable, controllers);
}

/** The controller and broker node options with their defaults, checked (HA-001, HA-005). */
function nodeOptionsOf(path: string, props: KafkaStatefulSetClusterProps) {
  const combined = props.combinedNode ?? false;
  const controllerOptions = { ...DEFAULT_CONTROLLER_NODES, ...(props.controllers ?? {}) };
  const brokerOptions = { ...DEFAULT_BROKER_NODES, ...(combined ? { replicas: 1 } : {}), ...(props.brokers ?? {}) };
  if (!combined) refuseControllerCount(path, 'controllers.replicas', controllerOptions.replicas);
  if (combined && brokerOptions.replicas !== 1) {
    throw KafkaIacError.invalidProp({
      code: 'HA-005', path, prop: 'brokers.replicas', found: brokerOptions.replicas,
      expected: '1 with combinedNode (a static KRaft quorum of combined nodes cannot grow)',
      fix: 'Remove combinedNode and declare controllers and brokers, or keep one combined node.',
    });
  }
  refuseBrokerCount(path, 'brokers.replicas', brokerOptions.replicas, 'KafkaStatefulSetCluster');
  validateNodes(path, 'brokers', brokerOptions);
  if (!combined) validateNodes(path, 'controllers', controllerOptions);
  return { combined, controllerOptions, brokerOptions };
}

/** Admin principal names (SEC-004). */
function validateAdmins(path: string, admins: readonly string[]): void {
  for (const admin of admins) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(admin)) {
      throw KafkaIacError.grammar({
        code: 'SEC-004', path, prop: 'admins', found: admin,
        grammar: 'principal names of lower-case letters, digits, dots and dashes', fix: "Use a name such as 'platform-admin'.",
      });
    }
  }
}

function validateNodes(path: string, what: string, o: Required<KafkaStatefulSetNodeOptions>): void {
  checkInteger(o.replicas, { code: 'HA-001', path, prop: `${what}.replicas` }, { min: 1, max: KUBERNETES_MAX_NODES, limitOf: 'Kubernetes nodes-per-cluster', fix: `Set ${what}: { replicas: 3 } (at most ${KUBERNETES_MAX_NODES}, one Kafka node per Kubernetes node).` });
  for (const [prop, value] of [['memory', o.memory], ['storageSize', o.storageSize], ['cpu', o.cpu]] as const) {
    const ok = prop === 'cpu' ? /^(\d+(\.\d+)?|\d+m)$/.test(value) : Number.isFinite(parseMemoryQuantity(value));
    if (!ok) {
      throw KafkaIacError.grammar({ code: 'KIAC-PROP', path, prop: `${what}.${prop}`, found: value, grammar: 'a Kubernetes quantity such as 8Gi (memory, storage) or 2 / 500m (cpu)', fix: `Set ${what}.${prop} to a quantity.` });
    }
  }
}
