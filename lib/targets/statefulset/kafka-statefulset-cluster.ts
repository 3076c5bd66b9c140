import { JsonPatch } from 'cdk8s';
import { checkClusterDomain } from '../../model/grammar/names';
import {
  IntOrString, KubeClusterRole, KubeClusterRoleBinding, KubeConfigMap, KubePodDisruptionBudget, KubeService, KubeServiceAccount,
  KubeStatefulSet, Quantity, type Container, type EnvVar, type Volume, type VolumeMount,
} from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { renderBrokerProperties } from '../../model/broker-config';
import { writeSortedProperties } from '../../contract/writers/properties';
import { AuthenticationMechanism, ClientAuthentication, validateAuthentications } from '../../model/client-authentication';
import { ClientNetwork } from '../../model/client-network';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { brokerHeapMiB, jvmHeapOptions, parseMemoryQuantity } from '../../model/jvm-heap';
import { KafkaVersion } from '../../model/kafka-version';
import { RuleTarget } from '../../contract/rule-target';

import { EncryptedStorageClass, type IEncryptedStorageClass } from '../kubernetes/encrypted-storage-class';
import { JMX_EXPORTER_CONFIG_KEY, renderJmxExporterConfig } from '../kubernetes/jmx-exporter-rules';
import { DECLARED_ADMINS_ANNOTATION, HOSTNAME_TOPOLOGY_KEY, KAFKA_CLUSTER_LABEL, KAFKA_NODE_ROLE_LABEL, STORAGE_KMS_KEY_ANNOTATION, TARGET_LABEL, ZONE_TOPOLOGY_KEY } from '../../contract/vocabulary';
import { KafkaNetworkPolicies } from './kafka-network-policies';
import { CertManagerCertificate, type CertificateIssuerRef } from './cert-manager-certificate';
import { CURL_IMAGE, JmxExporterAgent } from './jmx-exporter-agent';
import { KAFKA_EXPORTER_NAME_LABEL_VALUE, StatefulSetKafkaExporter } from './kafka-exporter';
import {
  KafkaNodeRole, KafkaPodPaths, StatefulSetPorts, kraftClusterId, propertiesKeyOf, renderKafkaNodeProperties, renderLog4j2Properties,
  renderRackScript, renderStartScript, type FormatTimeScramUser, type RenderedClientListener,
} from './kafka-node-properties';
import { KafkaListenerProtocol, type StatefulSetListenerProps } from './statefulset-listener';
import type { KubernetesKafkaClusterProps } from '../kubernetes/kubernetes-kafka-cluster-props';

/** The authorizer logger's level (SEC-008). */
export enum StatefulSetAuthorizerLogLevel {
  /** Denied operations are logged. */
  INFO = 'INFO',
  /** Denied and allowed operations are logged (verbose). */
  DEBUG = 'DEBUG',
}

/** One group of Kafka nodes (a StatefulSet): size, volume and container resources. */
export interface KafkaStatefulSetNodeOptions {
  /**
   * The number of pods.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * The persistent volume per pod.
   * @default '100Gi' for brokers, '20Gi' for controllers
   */
  readonly storageSize?: string;
  /**
   * The container memory (request and limit). The heap is min(6 GiB, half of it), -Xms = -Xmx.
   * @default '8Gi' for brokers, '2Gi' for controllers
   * @see PERF-001
   */
  readonly memory?: string;
  /**
   * The container CPU (request and limit).
   * @default '2' for brokers, '1' for controllers
   */
  readonly cpu?: string;
}

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
   * The Kafka image repository; the tag is the version.
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
   * The authorizer logger's level.
   * @default StatefulSetAuthorizerLogLevel.INFO
   * @see SEC-008
   */
  readonly authorizerLogLevel?: StatefulSetAuthorizerLogLevel;
  /**
   * Where the JMX exporter agent comes from.
   * @default JmxExporterAgent.download('1.1.0')
   */
  readonly jmxExporterAgent?: JmxExporterAgent;
  /**
   * The Kubernetes cluster DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LISTENER_NAME = /^[a-z][a-z0-9]{0,10}$/;
const RESERVED_PORTS: readonly number[] = [StatefulSetPorts.CONTROLLER, StatefulSetPorts.REPLICATION, StatefulSetPorts.METRICS, StatefulSetPorts.KAFKA_EXPORTER];
const DEFAULT_BROKER: Required<KafkaStatefulSetNodeOptions> = { replicas: 3, storageSize: '100Gi', memory: '8Gi', cpu: '2' };
const DEFAULT_CONTROLLER: Required<KafkaStatefulSetNodeOptions> = { replicas: 3, storageSize: '20Gi', memory: '2Gi', cpu: '1' };
const NODE_ID_OFFSET: Record<KafkaNodeRole, number> = { [KafkaNodeRole.CONTROLLER]: 0, [KafkaNodeRole.COMBINED]: 0, [KafkaNodeRole.BROKER]: 100 };
const KAFKA_UID = 1000; // appuser in the apache/kafka image

/** One Kafka StatefulSet and what belongs to it. */
export interface KafkaNodeSet {
  readonly role: KafkaNodeRole;
  /** The StatefulSet (escape hatch: `addJsonPatch`). */
  readonly statefulSet: KubeStatefulSet;
  /** The ConfigMap with the properties file, log4j2 config, JMX exporter rules and start script. */
  readonly configMap: KubeConfigMap;
  readonly headlessService: KubeService;
  readonly certificate: CertManagerCertificate;
  /** The properties file as rendered (before per-pod keys). */
  readonly properties: Readonly<Record<string, string>>;
}

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
 *   (`DoNotSchedule`), host anti-affinity, one PodDisruptionBudget (maxUnavailable 1) over every
 *   Kafka pod, PVCs retained on an encrypted StorageClass;
 * - the JMX exporter as a java agent (from an init container) with the shared rules, and Kafka
 *   Exporter for consumer lag; deny-by-default NetworkPolicies.
 *
 * The broker StatefulSet is `.resource` (id `Brokers/Resource`): for example
 * `cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 6))`. Rules read the
 * synthesized objects, so a patch that breaks a rule stops synthesis.
 */
export class KafkaStatefulSetCluster extends Construct {
  /** The broker StatefulSet (the combined one with `combinedNode`). */
  public readonly resource: KubeStatefulSet;
  public readonly brokers: KafkaNodeSet;
  /** The controllers, or undefined with a combined node. */
  public readonly controllers?: KafkaNodeSet;
  public readonly bootstrapService: KubeService;
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
    const path = this.node.path;
    const environment = Environment.of(this);
    const namespace = environment.namespace;

    this.clusterName = props.clusterName ?? `${environment.name}-kafka`;
    if (!DNS_LABEL.test(this.clusterName) || this.clusterName.length > 30) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path, prop: 'clusterName', found: this.clusterName,
        expected: 'a DNS label of at most 30 characters (Service, pod and certificate names are built from it)',
        fix: "Use a name such as 'orders-kafka'.",
      });
    }
    const name = this.clusterName;
    this.labels = { [TARGET_LABEL]: RuleTarget.STATEFULSET, [KAFKA_CLUSTER_LABEL]: name };
    this.nodePodLabels = { ...this.labels, 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': name };

    this.kafkaVersion = props.kafkaVersion ?? KafkaVersion.V4_3_1;
    if (!this.kafkaVersion.isKafka4) {
      throw KafkaIacError.invalidProp({
        code: 'HA-005', path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
        expected: 'an Apache Kafka 4.x version (KRaft only; ZooKeeper is not generated)',
        fix: 'Use KafkaVersion.V4_3_1.',
      });
    }
    this.image = `${props.imageRepository ?? 'apache/kafka'}:${this.kafkaVersion.version}`;
    this.zones = props.zones ?? ['a', 'b', 'c'].map((z) => `${environment.region}${z}`);
    if (this.zones.length === 0 || new Set(this.zones).size !== this.zones.length) {
      throw KafkaIacError.invalidProp({
        code: 'HA-006', path, prop: 'zones', found: this.zones,
        expected: 'distinct zone names (3 in production)', fix: "Set zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'].",
      });
    }

    const combined = props.combinedNode ?? false;
    const controllerOptions = { ...DEFAULT_CONTROLLER, ...(props.controllers ?? {}) };
    const brokerOptions = { ...DEFAULT_BROKER, ...(combined ? { replicas: 1 } : {}), ...(props.brokers ?? {}) };
    if (!combined) validateControllerCount(path, controllerOptions.replicas);
    if (combined && brokerOptions.replicas !== 1) {
      throw KafkaIacError.invalidProp({
        code: 'HA-005', path, prop: 'brokers.replicas', found: brokerOptions.replicas,
        expected: '1 with combinedNode (a static KRaft quorum of combined nodes cannot grow)',
        fix: 'Remove combinedNode and declare controllers and brokers, or keep one combined node.',
      });
    }
    validateNodes(path, 'brokers', brokerOptions);
    if (!combined) validateNodes(path, 'controllers', controllerOptions);

    // Storage (SEC-006, HA-011).
    if (props.storageClass) {
      this.storageClass = props.storageClass;
    } else {
      if (props.kmsKeyId === undefined) {
        throw KafkaIacError.invalidProp({
          code: 'SEC-006', path, prop: 'kmsKeyId', found: undefined,
          expected: 'a customer-managed KMS key for the StorageClass created here, or storageClass',
          fix: 'Set kmsKeyId to your KMS key ARN, or pass storageClass: EncryptedStorageClass.fromStorageClassAttributes({...}).',
        });
      }
      this.encryptedStorageClass = new EncryptedStorageClass(this, 'StorageClass', {
        kmsKeyId: props.kmsKeyId, storageClassName: `${namespace}-${name}-encrypted`, labels: this.labels,
      });
      this.storageClass = this.encryptedStorageClass;
    }

    // Listeners (SEC-001, SEC-003, SEC-007).
    if (props.clientNetworks === undefined || props.clientNetworks.length === 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-007', path, prop: 'clientNetworks', found: props.clientNetworks ?? [],
        expected: 'at least one declared client workload',
        fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
      });
    }
    const listenerProps = props.listeners ?? [{ name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }];
    const clientListeners = renderListeners(path, listenerProps);
    const scramListener = clientListeners.find((l) => l.mechanism === AuthenticationMechanism.SCRAM_SHA_512);
    if (!scramListener) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path, prop: 'listeners', found: listenerProps.map((l) => `${l.name}:${l.authentication.mechanism}`),
        expected: 'at least one SCRAM-SHA-512 listener, which Kafka Exporter and the admin Job connect to',
        fix: "Add { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
      });
    }
    const domain = checkClusterDomain(props.clusterDomain ?? 'cluster.local', { code: 'KIAC-PROP', path, prop: 'clusterDomain' });
    this.bootstrapServers = `${name}-bootstrap.${namespace}.svc:${scramListener.port}`;

    // Principals (SEC-004) and the Secrets they come from (SEC-009).
    const admins = props.admins ?? [];
    for (const admin of admins) {
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(admin)) {
        throw KafkaIacError.invalidProp({
          code: 'SEC-004', path, prop: 'admins', found: admin,
          expected: 'principal names of lower-case letters, digits, dots and dashes', fix: "Use a name such as 'platform-admin'.",
        });
      }
    }
    const brokerUser = `${name}-broker`;
    const controllerPrincipal = `${name}-controller`;
    this.kafkaExporterUser = `${name}-kafka-exporter`;
    this.kafkaExporterSecretName = `${name}-kafka-exporter-scram`;
    this.adminSecretNames = new Map(admins.map((a) => [a, `${a}-credentials`]));
    const brokerScramSecret = props.brokerScramSecretName ?? `${name}-broker-scram`;
    const keystorePasswordSecret = props.keystorePasswordSecretName ?? `${name}-keystore-password`;
    const superUsers = [brokerUser, ...(combined ? [] : [controllerPrincipal]), ...admins].map((u) => `User:${u}`);
    const scramUsers: { user: FormatTimeScramUser; secret: string }[] = [
      { user: { user: brokerUser, passwordEnv: 'SCRAM_BROKER_PASSWORD' }, secret: brokerScramSecret },
      { user: { user: this.kafkaExporterUser, passwordEnv: 'SCRAM_KAFKA_EXPORTER_PASSWORD' }, secret: this.kafkaExporterSecretName },
      ...admins.map((a, i) => ({ user: { user: a, passwordEnv: `SCRAM_ADMIN_${i}_PASSWORD` }, secret: `${a}-credentials` })),
    ];
    const issuer = props.certificateIssuer ?? { name: `${name}-ca` };
    const brokerProperties = renderBrokerProperties(path, brokerOptions.replicas, props.brokerConfig);
    const agent = props.jmxExporterAgent ?? JmxExporterAgent.download();
    const log4j = renderLog4j2Properties(props.authorizerLogLevel ?? StatefulSetAuthorizerLogLevel.INFO);

    // RBAC for the rack init container: read the node's zone label.
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

    const heapOf = (memory: string, where: string) => jvmHeapOptions(brokerHeapMiB(parseMemoryQuantity(memory), where));
    const voterSet = combined ? `${name}-combined` : `${name}-controller`;
    const voterCount = combined ? 1 : controllerOptions.replicas;
    const quorumVoters = Array.from({ length: voterCount }, (_, i) =>
      `${i}@${voterSet}-${i}.${voterSet}-headless.${namespace}.svc.${domain}:${StatefulSetPorts.CONTROLLER}`).join(',');

    const makeNodeSet = (cid: string, role: KafkaNodeRole, options: Required<KafkaStatefulSetNodeOptions>): KafkaNodeSet => {
      const setName = `${name}-${role}`;
      const headless = `${setName}-headless`;
      const podDomain = `${headless}.${namespace}.svc.${domain}`;
      const broker = role !== KafkaNodeRole.CONTROLLER;
      const controller = role !== KafkaNodeRole.BROKER;
      const podLabels = { ...this.nodePodLabels, [KAFKA_NODE_ROLE_LABEL]: role };
      const selector = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [KAFKA_NODE_ROLE_LABEL]: role };
      const propertiesKey = propertiesKeyOf(role);
      const properties = renderKafkaNodeProperties({
        role, quorumVoters, clientListeners: broker ? clientListeners : [], brokerProperties, superUsers, interBrokerUser: brokerUser,
      });

      const certificate = new CertManagerCertificate(this, `${cid}Certificate`, {
        secretName: `${setName}-tls`,
        commonName: role === KafkaNodeRole.CONTROLLER ? controllerPrincipal : brokerUser,
        dnsNames: [
          `*.${podDomain}`, `*.${headless}.${namespace}.svc`,
          ...(broker ? [`${name}-bootstrap.${namespace}.svc`, `${name}-bootstrap.${namespace}.svc.${domain}`] : []),
        ],
        issuer, labels: this.labels, keystorePasswordSecretName: keystorePasswordSecret,
      });

      const configMap = new KubeConfigMap(this, `${cid}Config`, {
        metadata: {
          name: `${setName}-config`, labels: { ...this.labels, [KAFKA_NODE_ROLE_LABEL]: role },
          annotations: { [DECLARED_ADMINS_ANNOTATION]: admins.join(',') },
        },
        data: {
          [propertiesKey]: writeSortedProperties(properties),
          'log4j2.properties': log4j,
          [JMX_EXPORTER_CONFIG_KEY]: renderJmxExporterConfig(),
          'start.sh': renderStartScript({
            role, propertiesKey, podDomain, clientListeners: broker ? clientListeners : [],
            scramUsers: scramUsers.map((s) => s.user),
          }),
        },
      });

      const headlessService = new KubeService(this, `${cid}HeadlessService`, {
        metadata: { name: headless, labels: { ...this.labels } },
        spec: {
          clusterIp: 'None',
          publishNotReadyAddresses: true, // the KRaft quorum forms before any pod is ready
          selector: { ...selector },
          ports: [
            ...(controller ? [{ name: 'tcp-controller', port: StatefulSetPorts.CONTROLLER, targetPort: IntOrString.fromNumber(StatefulSetPorts.CONTROLLER) }] : []),
            ...(broker ? [{ name: 'tcp-replication', port: StatefulSetPorts.REPLICATION, targetPort: IntOrString.fromNumber(StatefulSetPorts.REPLICATION) }] : []),
            ...(broker ? clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: IntOrString.fromNumber(l.port) })) : []),
          ],
        },
      });

      const heap = heapOf(options.memory, `${path}/${cid}`);
      const probePort = IntOrString.fromNumber(broker ? clientListeners[0].port : StatefulSetPorts.CONTROLLER);
      const env: EnvVar[] = [
        { name: 'CLUSTER_ID', value: kraftClusterId(`${environment.name}/${namespace}/${name}`) },
        { name: 'NODE_ID_OFFSET', value: String(NODE_ID_OFFSET[role]) },
        { name: 'KAFKA_HEAP_OPTS', value: `-Xms${heap.xms} -Xmx${heap.xmx}` },
        { name: 'KAFKA_OPTS', value: `-javaagent:${KafkaPodPaths.JMX_EXPORTER_JAR}=${StatefulSetPorts.METRICS}:${KafkaPodPaths.CONFIG_DIR}/${JMX_EXPORTER_CONFIG_KEY}` },
        { name: 'KAFKA_LOG4J_OPTS', value: `-Dlog4j2.configurationFile=${KafkaPodPaths.CONFIG_DIR}/log4j2.properties` },
        { name: 'LOG_DIR', value: KafkaPodPaths.LOG_DIR },
        ...(controller ? scramUsers.map((s) => ({ name: s.user.passwordEnv, valueFrom: { secretKeyRef: { name: s.secret, key: 'password' } } })) : []),
      ];
      const mounts: VolumeMount[] = [
        { name: 'data', mountPath: KafkaPodPaths.DATA_DIR },
        { name: 'config', mountPath: KafkaPodPaths.CONFIG_DIR, readOnly: true },
        { name: 'tls', mountPath: KafkaPodPaths.TLS_DIR, readOnly: true },
        { name: 'keystore-password', mountPath: KafkaPodPaths.KEYSTORE_PASSWORD_DIR, readOnly: true },
        ...(broker ? [{ name: 'broker-scram', mountPath: KafkaPodPaths.BROKER_SCRAM_DIR, readOnly: true }] : []),
        { name: 'runtime', mountPath: KafkaPodPaths.RUNTIME_DIR },
        { name: 'jmx-exporter', mountPath: KafkaPodPaths.JMX_EXPORTER_DIR, readOnly: true },
        { name: 'logs', mountPath: KafkaPodPaths.LOG_DIR },
        { name: 'tmp', mountPath: '/tmp' },
      ];
      const restricted = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
      const kafka: Container = {
        name: 'kafka',
        image: this.image,
        imagePullPolicy: 'IfNotPresent',
        command: ['/bin/bash', `${KafkaPodPaths.CONFIG_DIR}/start.sh`],
        env,
        ports: [
          ...(controller ? [{ name: 'tcp-controller', containerPort: StatefulSetPorts.CONTROLLER, protocol: 'TCP' }] : []),
          ...(broker ? [{ name: 'tcp-replication', containerPort: StatefulSetPorts.REPLICATION, protocol: 'TCP' }] : []),
          ...(broker ? clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, containerPort: l.port, protocol: 'TCP' })) : []),
          { name: 'tcp-prometheus', containerPort: StatefulSetPorts.METRICS, protocol: 'TCP' },
        ],
        resources: {
          requests: { cpu: Quantity.fromString(options.cpu), memory: Quantity.fromString(options.memory) },
          limits: { cpu: Quantity.fromString(options.cpu), memory: Quantity.fromString(options.memory) },
        },
        startupProbe: { tcpSocket: { port: probePort }, periodSeconds: 10, failureThreshold: 180 },
        readinessProbe: { tcpSocket: { port: probePort }, periodSeconds: 10, failureThreshold: 3 },
        livenessProbe: { tcpSocket: { port: probePort }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 5 },
        securityContext: restricted,
        volumeMounts: mounts,
      };
      const initContainers: Container[] = [{
        name: 'jmx-exporter-agent',
        image: agent.image,
        imagePullPolicy: 'IfNotPresent',
        command: [...agent.command],
        resources: { requests: { cpu: Quantity.fromString('50m'), memory: Quantity.fromString('64Mi') }, limits: { memory: Quantity.fromString('64Mi') } },
        securityContext: restricted,
        volumeMounts: [{ name: 'jmx-exporter', mountPath: KafkaPodPaths.JMX_EXPORTER_DIR }],
      }];
      if (broker) {
        initContainers.push({
          name: 'rack',
          image: CURL_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          command: ['/bin/sh', '-c', renderRackScript(ZONE_TOPOLOGY_KEY)],
          env: [
            { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            { name: 'TOPOLOGY_KEY', value: ZONE_TOPOLOGY_KEY },
          ],
          resources: { requests: { cpu: Quantity.fromString('50m'), memory: Quantity.fromString('32Mi') }, limits: { memory: Quantity.fromString('32Mi') } },
          securityContext: restricted,
          volumeMounts: [
            { name: 'runtime', mountPath: KafkaPodPaths.RUNTIME_DIR },
            { name: 'kube-api-access', mountPath: KafkaPodPaths.KUBE_API_ACCESS_DIR, readOnly: true },
          ],
        });
      }
      const volumes: Volume[] = [
        { name: 'config', configMap: { name: `${setName}-config` } },
        { name: 'tls', secret: { secretName: certificate.secretName, items: [{ key: 'keystore.p12', path: 'keystore.p12' }, { key: 'truststore.p12', path: 'truststore.p12' }] } },
        { name: 'keystore-password', secret: { secretName: keystorePasswordSecret, items: [{ key: 'password', path: 'password' }] } },
        ...(broker ? [{ name: 'broker-scram', secret: { secretName: brokerScramSecret, items: [{ key: 'password', path: 'password' }] } }] : []),
        { name: 'runtime', emptyDir: { medium: 'Memory', sizeLimit: Quantity.fromString('1Mi') } },
        { name: 'jmx-exporter', emptyDir: { sizeLimit: Quantity.fromString('16Mi') } },
        { name: 'logs', emptyDir: { sizeLimit: Quantity.fromString('1Gi') } },
        { name: 'tmp', emptyDir: { sizeLimit: Quantity.fromString('256Mi') } },
        ...(broker ? [{
          name: 'kube-api-access',
          projected: {
            sources: [
              { serviceAccountToken: { path: 'token', expirationSeconds: 600 } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            ],
          },
        }] : []),
      ];

      const statefulSet = new KubeStatefulSet(this, cid, {
        metadata: {
          name: setName, labels: { ...this.labels, [KAFKA_NODE_ROLE_LABEL]: role },
          annotations: this.storageClass.synthesized ? undefined : { [STORAGE_KMS_KEY_ANNOTATION]: this.storageClass.kmsKeyId },
        },
        spec: {
          replicas: options.replicas,
          serviceName: headless,
          podManagementPolicy: 'Parallel',
          updateStrategy: { type: 'RollingUpdate' },
          selector: { matchLabels: { ...selector } },
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
          template: {
            metadata: { labels: podLabels },
            spec: {
              serviceAccountName: serviceAccount.name,
              automountServiceAccountToken: false,
              terminationGracePeriodSeconds: 120,
              securityContext: {
                runAsNonRoot: true, runAsUser: KAFKA_UID, runAsGroup: KAFKA_UID, fsGroup: KAFKA_UID,
                fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
              },
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_TOPOLOGY_KEY, operator: 'In', values: [...this.zones] }] }],
                  },
                },
                podAntiAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: [{
                    labelSelector: { matchLabels: { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' } },
                    topologyKey: HOSTNAME_TOPOLOGY_KEY,
                  }],
                },
              },
              topologySpreadConstraints: [{
                maxSkew: 1, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { ...selector } },
              }],
              initContainers,
              containers: [kafka],
              volumes,
            },
          },
          volumeClaimTemplates: [{
            metadata: { name: 'data', labels: { ...this.labels } },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: this.storageClass.storageClassName,
              resources: { requests: { storage: Quantity.fromString(options.storageSize) } },
            },
          }],
        },
      });
      return { role, statefulSet, configMap, headlessService, certificate, properties };
    };

    if (!combined) this.controllers = makeNodeSet('Controllers', KafkaNodeRole.CONTROLLER, controllerOptions);
    this.brokers = makeNodeSet(combined ? 'Combined' : 'Brokers', combined ? KafkaNodeRole.COMBINED : KafkaNodeRole.BROKER, brokerOptions);
    this.resource = this.brokers.statefulSet;
    this.caCertificateSecretName = this.brokers.certificate.secretName;
    const brokerSelector = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [KAFKA_NODE_ROLE_LABEL]: this.brokers.role };
    const controllerSelector = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [KAFKA_NODE_ROLE_LABEL]: this.controllers?.role ?? KafkaNodeRole.COMBINED };

    this.bootstrapService = new KubeService(this, 'BootstrapService', {
      metadata: { name: `${name}-bootstrap`, labels: { ...this.labels } },
      spec: {
        type: 'ClusterIP',
        selector: brokerSelector,
        ports: clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: IntOrString.fromNumber(l.port) })),
      },
    });

    // At most one Kafka node (broker or controller) disrupted at a time (HA-009).
    this.podDisruptionBudget = new KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata: { name: `${name}-kafka`, labels: { ...this.labels } },
      spec: {
        maxUnavailable: IntOrString.fromNumber(1),
        selector: { matchLabels: { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' } },
      },
    });

    const exporterPodLabels = { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': KAFKA_EXPORTER_NAME_LABEL_VALUE };
    this.kafkaExporter = new StatefulSetKafkaExporter(this, 'KafkaExporter', {
      clusterName: name, labels: this.labels, podLabels: exporterPodLabels,
      bootstrapServer: this.bootstrapServers, user: this.kafkaExporterUser, passwordSecretName: this.kafkaExporterSecretName,
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
      prometheusNetworks: props.prometheusNetworks ?? [
        ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, description: 'Prometheus in the monitoring namespace' }),
      ],
      metricsEndpoints: [
        { podSelector: { [KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' }, port: StatefulSetPorts.METRICS },
        { podSelector: exporterPodLabels, port: StatefulSetPorts.KAFKA_EXPORTER },
      ],
    });
  }

  /** The number of Kafka node pods (brokers and controllers), as a PodMonitor expects them. */
  public get expectedNodes(): number {
    return (this.brokers.statefulSet.toJson().spec?.replicas ?? 0) + (this.controllers?.statefulSet.toJson().spec?.replicas ?? 0);
  }
}

function renderListeners(path: string, listeners: readonly StatefulSetListenerProps[]): RenderedClientListener[] {
  if (listeners.length === 0) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-003', path, prop: 'listeners', found: [],
      expected: 'at least one TLS listener with authentication', fix: 'Remove listeners: [] to get the default SCRAM-SHA-512 listener.',
    });
  }
  const names = new Set<string>();
  const ports = new Set<number>();
  return listeners.map((entry, i) => {
    const l = KafkaIacError.required(entry, {
      code: 'KIAC-PROP', path, prop: `listeners[${i}]`, expected: "a listener: { name, port, authentication }",
      fix: "Declare it as { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
    });
    const where = `${path} listener ${l.name}`;
    if (l.authentication !== undefined) validateAuthentications(where, [l.authentication]);
    if (!LISTENER_NAME.test(l.name) || ['controller', 'replication'].includes(l.name)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: where, prop: 'name', found: l.name,
        expected: "a lower-case letter, then letters and digits, at most 11 characters; not 'controller' or 'replication'",
        fix: "Use a name such as 'scram' or 'mtls'.",
      });
    }
    if (names.has(l.name)) throw KafkaIacError.duplicate('KIAC-PROP', path, 'listener', l.name);
    names.add(l.name);
    if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535 || RESERVED_PORTS.includes(l.port)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: where, prop: 'port', found: l.port,
        expected: `an integer from 9092 to 65535, not ${RESERVED_PORTS.join('/')} (controller, replication, metrics)`, fix: 'Use 9093, 9094, ...',
      });
    }
    if (ports.has(l.port)) throw KafkaIacError.duplicate('KIAC-PROP', path, 'listener port', String(l.port));
    ports.add(l.port);
    if (l.tls === false) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-001', path: where, prop: 'tls', found: false,
        expected: 'true: plaintext listeners (PLAINTEXT, SASL_PLAINTEXT) are refused in every environment',
        fix: 'Remove tls: false (listeners are SSL or SASL_SSL).',
      });
    }
    const mechanism = l.authentication?.mechanism;
    switch (mechanism) {
      case AuthenticationMechanism.SCRAM_SHA_512:
        return { name: l.name.toUpperCase(), port: l.port, protocol: KafkaListenerProtocol.SASL_SSL, mechanism };
      case AuthenticationMechanism.MUTUAL_TLS:
        return { name: l.name.toUpperCase(), port: l.port, protocol: KafkaListenerProtocol.SSL, mechanism };
      default:
        throw KafkaIacError.invalidProp({
          code: 'SEC-003', path: where, prop: 'authentication', found: mechanism ?? 'none',
          expected: 'ClientAuthentication.scramSha512() or .mutualTls(); unauthenticated listeners are refused, IAM is MSK-only and OAuth bearer is offered on Strimzi',
          fix: 'Set authentication: ClientAuthentication.scramSha512().',
        });
    }
  });
}

function validateControllerCount(path: string, replicas: number): void {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas % 2 === 0 || replicas > 7) {
    throw KafkaIacError.invalidProp({
      code: 'HA-005', path, prop: 'controllers.replicas', found: replicas,
      expected: 'an odd number of KRaft controllers: 3 or 5 (7 allowed); an even quorum tolerates no more failures than the odd number below it',
      fix: `Set controllers: { replicas: ${replicas === 4 || replicas === 6 ? 5 : 3} }.`,
    });
  }
}

function validateNodes(path: string, what: string, o: Required<KafkaStatefulSetNodeOptions>): void {
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw KafkaIacError.invalidProp({ code: 'HA-001', path, prop: `${what}.replicas`, found: o.replicas, expected: 'a positive integer', fix: `Set ${what}: { replicas: 3 }.` });
  }
  for (const [prop, value] of [['memory', o.memory], ['storageSize', o.storageSize], ['cpu', o.cpu]] as const) {
    const ok = prop === 'cpu' ? /^(\d+(\.\d+)?|\d+m)$/.test(value) : Number.isFinite(parseMemoryQuantity(value));
    if (!ok) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: `${what}.${prop}`, found: value, expected: 'a Kubernetes quantity such as 8Gi (memory, storage) or 2 / 500m (cpu)', fix: `Set ${what}.${prop} to a quantity.` });
    }
  }
}
