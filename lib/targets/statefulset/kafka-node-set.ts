import type { Construct } from 'constructs';
import { IntOrString, KubeConfigMap, KubeService, KubeStatefulSet, Quantity, type Container, type EnvVar, type KubeStatefulSetProps, type Volume, type VolumeMount } from '../../imports/k8s';
import { toPropertiesText } from '../../model/broker-config';
import { brokerHeapMiB, jvmHeapOptions, parseMemoryQuantity } from '../../model/jvm-heap';
import { DECLARED_ADMINS_ANNOTATION, HOSTNAME_TOPOLOGY_KEY, KAFKA_CLUSTER_LABEL, KAFKA_NODE_ROLE_LABEL, METRICS_PORT_NAME, STORAGE_KMS_KEY_ANNOTATION, ZONE_TOPOLOGY_KEY } from '../../contract/vocabulary';
import type { IEncryptedStorageClass } from '../kubernetes/encrypted-storage-class';
import type { KubernetesNodeOptions } from '../kubernetes/kubernetes-kafka-cluster-props';
import { JMX_EXPORTER_CONFIG_KEY, renderJmxExporterConfig } from '../kubernetes/jmx-exporter-rules';
import { CertManagerCertificate, type CertificateIssuerRef } from './cert-manager-certificate';
import { CURL_IMAGE, type JmxExporterAgent } from './jmx-exporter-agent';
import {
  KafkaNodeRole, KafkaPodPaths, StatefulSetPorts, kraftClusterId, propertiesKeyOf, renderKafkaNodeProperties, renderRackScript,
  renderStartScript, scramUserPasswordFile, type FormatTimeScramUser, type KafkaClusterPropertiesInput,
} from './kafka-node-properties';
import { checkedConstructId } from '../../contract/construct-id';
import { READINESS_RESPONSE_WAIT_SECONDS, READINESS_SCRIPT_KEY, renderReadinessScript } from './kafka-readiness';

/** One group of Kafka nodes (a StatefulSet): size, volume and container resources, as for every Kubernetes target. */
export type KafkaStatefulSetNodeOptions = KubernetesNodeOptions;

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

/** What every node set of one KafkaStatefulSetCluster shares, decided by the cluster. */
export interface KafkaNodeSetCluster extends KafkaClusterPropertiesInput {
  /** The cluster's construct path, for error messages. */
  readonly path: string;
  readonly environmentName: string;
  readonly name: string;
  readonly namespace: string;
  /** The Kubernetes cluster domain (`cluster.local`). */
  readonly domain: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly nodePodLabels: Readonly<Record<string, string>>;
  readonly image: string;
  readonly zones: readonly string[];
  readonly storageClass: IEncryptedStorageClass;
  readonly serviceAccountName: string;
  readonly brokerUser: string;
  readonly controllerPrincipal: string;
  readonly issuer: CertificateIssuerRef;
  readonly keystorePasswordSecret: string;
  readonly brokerScramSecret: string;
  readonly admins: readonly string[];
  readonly log4j: string;
  readonly scramUsers: readonly { readonly user: FormatTimeScramUser; readonly secret: string }[];
  readonly agent: JmxExporterAgent;
}

export interface KafkaStatefulSetNodeSetProps {
  readonly role: KafkaNodeRole;
  readonly options: Required<KafkaStatefulSetNodeOptions>;
  readonly cluster: KafkaNodeSetCluster;
}

/** The names and selectors of one node set, derived from its cluster and role. */
interface NodeSetNames {
  readonly setName: string;
  readonly headless: string;
  readonly podDomain: string;
  readonly broker: boolean;
  readonly controller: boolean;
  readonly selector: Record<string, string>;
}

const NODE_ID_OFFSET: Record<KafkaNodeRole, number> = { [KafkaNodeRole.CONTROLLER]: 0, [KafkaNodeRole.COMBINED]: 0, [KafkaNodeRole.BROKER]: 100 };
const KAFKA_UID = 1000; // appuser in the apache/kafka image
const RESTRICTED = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };

/**
 * One Kafka node set of a KafkaStatefulSetCluster: the StatefulSet itself (this construct), with
 * its Certificate, ConfigMap and headless Service. The companions are created next to it, as
 * `<id>Certificate`, `<id>Config` and `<id>HeadlessService`, so that every construct path (which
 * rule findings, suppressions and the report name) is what it was before the node set had a
 * class of its own.
 */
export class KafkaStatefulSetNodeSet extends KubeStatefulSet implements KafkaNodeSet {
  public readonly role: KafkaNodeRole;
  public readonly configMap: KubeConfigMap;
  public readonly headlessService: KubeService;
  public readonly certificate: CertManagerCertificate;
  public readonly properties: Readonly<Record<string, string>>;

  public constructor(scope: Construct, id: string, props: KafkaStatefulSetNodeSetProps) {
    const names = namesOf(props.cluster, props.role);
    const companions = createCompanions(scope, id, props, names);
    super(scope, checkedConstructId(scope, id), statefulSetProps(id, props, names, companions.certificate));
    this.role = props.role;
    this.configMap = companions.configMap;
    this.headlessService = companions.headlessService;
    this.certificate = companions.certificate;
    this.properties = companions.properties;
  }

  /** The StatefulSet: this construct. */
  public get statefulSet(): KubeStatefulSet {
    return this;
  }
}

function namesOf(c: KafkaNodeSetCluster, role: KafkaNodeRole): NodeSetNames {
  const setName = `${c.name}-${role}`;
  const headless = `${setName}-headless`;
  return {
    setName, headless, podDomain: `${headless}.${c.namespace}.svc.${c.domain}`,
    broker: role !== KafkaNodeRole.CONTROLLER, controller: role !== KafkaNodeRole.BROKER,
    selector: { [KAFKA_CLUSTER_LABEL]: c.name, 'app.kubernetes.io/name': 'kafka', [KAFKA_NODE_ROLE_LABEL]: role },
  };
}

/** The Certificate, ConfigMap and headless Service of a node set, created in its scope before the StatefulSet (the order of the manifests). */
function createCompanions(scope: Construct, id: string, props: KafkaStatefulSetNodeSetProps, n: NodeSetNames) {
  const { role, cluster: c } = props;
  const { setName, headless, podDomain, broker, controller } = n;
  const selector = n.selector;
  const propertiesKey = propertiesKeyOf(role);
  const properties = renderKafkaNodeProperties({
    role, quorumVoters: c.quorumVoters, clientListeners: broker ? c.clientListeners : [], brokerProperties: c.brokerProperties,
    superUsers: c.superUsers, interBrokerUser: c.brokerUser,
  });

  const certificate = new CertManagerCertificate(scope, `${id}Certificate`, {
    secretName: `${setName}-tls`,
    commonName: role === KafkaNodeRole.CONTROLLER ? c.controllerPrincipal : c.brokerUser,
    dnsNames: [
      `*.${podDomain}`, `*.${headless}.${c.namespace}.svc`,
      ...(broker ? [`${c.name}-bootstrap.${c.namespace}.svc`, `${c.name}-bootstrap.${c.namespace}.svc.${c.domain}`] : []),
    ],
    issuer: c.issuer, labels: c.labels, keystorePasswordSecretName: c.keystorePasswordSecret,
  });

  const configMap = new KubeConfigMap(scope, `${id}Config`, {
    metadata: {
      name: `${setName}-config`, labels: { ...c.labels, [KAFKA_NODE_ROLE_LABEL]: role },
      annotations: { [DECLARED_ADMINS_ANNOTATION]: c.admins.join(',') },
    },
    data: {
      [propertiesKey]: toPropertiesText(properties),
      'log4j2.properties': c.log4j,
      [JMX_EXPORTER_CONFIG_KEY]: renderJmxExporterConfig(),
      'start.sh': renderStartScript({
        role, propertiesKey, podDomain, clientListeners: broker ? c.clientListeners : [],
        scramUsers: c.scramUsers.map((s) => s.user),
      }),
      [READINESS_SCRIPT_KEY]: renderReadinessScript(role),
    },
  });

  const headlessService = new KubeService(scope, `${id}HeadlessService`, {
    metadata: { name: headless, labels: { ...c.labels } },
    spec: {
      clusterIp: 'None',
      publishNotReadyAddresses: true, // the KRaft quorum forms before any pod is ready
      selector: { ...selector },
      ports: [
        ...(controller ? [{ name: 'tcp-controller', port: StatefulSetPorts.CONTROLLER, targetPort: IntOrString.fromNumber(StatefulSetPorts.CONTROLLER) }] : []),
        ...(broker ? [{ name: 'tcp-replication', port: StatefulSetPorts.REPLICATION, targetPort: IntOrString.fromNumber(StatefulSetPorts.REPLICATION) }] : []),
        ...(broker ? c.clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: IntOrString.fromNumber(l.port) })) : []),
      ],
    },
  });
  return { certificate, configMap, headlessService, properties };
}

/** Seconds a Kafka pod must stay ready before the StatefulSet controller counts it available (`minReadySeconds`). */
export const KAFKA_MIN_READY_SECONDS = 60;

function kafkaContainer(id: string, props: KafkaStatefulSetNodeSetProps, n: NodeSetNames): Container {
  const { role, options, cluster: c } = props;
  const { broker, controller } = n;
  const heap = jvmHeapOptions(brokerHeapMiB(parseMemoryQuantity(options.memory), `${c.path}/${id}`));
  const probePort = IntOrString.fromNumber(broker ? c.clientListeners[0].port : StatefulSetPorts.CONTROLLER);
  const env: EnvVar[] = [
    { name: 'CLUSTER_ID', value: kraftClusterId(`${c.environmentName}/${c.namespace}/${c.name}`) },
    { name: 'NODE_ID_OFFSET', value: String(NODE_ID_OFFSET[role]) },
    { name: 'KAFKA_HEAP_OPTS', value: `-Xms${heap.xms} -Xmx${heap.xmx}` },
    { name: 'KAFKA_OPTS', value: `-javaagent:${KafkaPodPaths.JMX_EXPORTER_JAR}=${StatefulSetPorts.METRICS}:${KafkaPodPaths.CONFIG_DIR}/${JMX_EXPORTER_CONFIG_KEY}` },
    { name: 'KAFKA_LOG4J_OPTS', value: `-Dlog4j2.configurationFile=${KafkaPodPaths.CONFIG_DIR}/log4j2.properties` },
    { name: 'LOG_DIR', value: KafkaPodPaths.LOG_DIR },
  ];
  const mounts: VolumeMount[] = [
    { name: 'data', mountPath: KafkaPodPaths.DATA_DIR },
    { name: 'config', mountPath: KafkaPodPaths.CONFIG_DIR, readOnly: true },
    { name: 'tls', mountPath: KafkaPodPaths.TLS_DIR, readOnly: true },
    { name: 'keystore-password', mountPath: KafkaPodPaths.KEYSTORE_PASSWORD_DIR, readOnly: true },
    ...(broker ? [{ name: 'broker-scram', mountPath: KafkaPodPaths.BROKER_SCRAM_DIR, readOnly: true }] : []),
    // Controllers read the format-time SCRAM passwords from files, never from the environment.
    ...(controller && c.scramUsers.length > 0 ? [{ name: 'scram-users', mountPath: KafkaPodPaths.SCRAM_USERS_DIR, readOnly: true }] : []),
    { name: 'runtime', mountPath: KafkaPodPaths.RUNTIME_DIR },
    { name: 'jmx-exporter', mountPath: KafkaPodPaths.JMX_EXPORTER_DIR, readOnly: true },
    { name: 'logs', mountPath: KafkaPodPaths.LOG_DIR },
    { name: 'tmp', mountPath: '/tmp' },
  ];
  return {
    name: 'kafka',
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/bash', `${KafkaPodPaths.CONFIG_DIR}/start.sh`],
    env,
    ports: [
      ...(controller ? [{ name: 'tcp-controller', containerPort: StatefulSetPorts.CONTROLLER, protocol: 'TCP' }] : []),
      ...(broker ? [{ name: 'tcp-replication', containerPort: StatefulSetPorts.REPLICATION, protocol: 'TCP' }] : []),
      ...(broker ? c.clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, containerPort: l.port, protocol: 'TCP' })) : []),
      { name: METRICS_PORT_NAME, containerPort: StatefulSetPorts.METRICS, protocol: 'TCP' },
    ],
    resources: {
      requests: { cpu: Quantity.fromString(options.cpu), memory: Quantity.fromString(options.memory) },
      limits: { cpu: Quantity.fromString(options.cpu), memory: Quantity.fromString(options.memory) },
    },
    startupProbe: { tcpSocket: { port: probePort }, periodSeconds: 10, failureThreshold: 180 },
    // Ready only when the node is caught up (kafka-readiness.ts): with minReadySeconds, a rolling
    // update waits for a restarted broker to be back in the ISR before it restarts the next one.
    readinessProbe: {
      exec: { command: ['/bin/bash', `${KafkaPodPaths.CONFIG_DIR}/${READINESS_SCRIPT_KEY}`] },
      periodSeconds: 10, timeoutSeconds: READINESS_RESPONSE_WAIT_SECONDS + 5, failureThreshold: 3,
    },
    livenessProbe: { tcpSocket: { port: probePort }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 5 },
    securityContext: RESTRICTED,
    volumeMounts: mounts,
  };
}

function initContainersOf(c: KafkaNodeSetCluster, broker: boolean): Container[] {
  const initContainers: Container[] = [{
    name: 'jmx-exporter-agent',
    image: c.agent.image,
    imagePullPolicy: 'IfNotPresent',
    command: [...c.agent.command],
    resources: { requests: { cpu: Quantity.fromString('50m'), memory: Quantity.fromString('64Mi') }, limits: { memory: Quantity.fromString('64Mi') } },
    securityContext: RESTRICTED,
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
      securityContext: RESTRICTED,
      volumeMounts: [
        { name: 'runtime', mountPath: KafkaPodPaths.RUNTIME_DIR },
        { name: 'kube-api-access', mountPath: KafkaPodPaths.KUBE_API_ACCESS_DIR, readOnly: true },
      ],
    });
  }
  return initContainers;
}

function volumesOf(c: KafkaNodeSetCluster, n: NodeSetNames, certificate: CertManagerCertificate): Volume[] {
  const { setName, broker, controller } = n;
  const volumes: Volume[] = [
    { name: 'config', configMap: { name: `${setName}-config` } },
    { name: 'tls', secret: { secretName: certificate.secretName, items: [{ key: 'keystore.p12', path: 'keystore.p12' }, { key: 'truststore.p12', path: 'truststore.p12' }] } },
    { name: 'keystore-password', secret: { secretName: c.keystorePasswordSecret, items: [{ key: 'password', path: 'password' }] } },
    ...(broker ? [{ name: 'broker-scram', secret: { secretName: c.brokerScramSecret, items: [{ key: 'password', path: 'password' }] } }] : []),
    ...(controller && c.scramUsers.length > 0 ? [{
      name: 'scram-users',
      projected: {
        defaultMode: 0o440, // group fsGroup (the Kafka user) reads them
        sources: c.scramUsers.map((s, i) => ({ secret: { name: s.secret, items: [{ key: 'password', path: scramUserPasswordFile(i).slice(KafkaPodPaths.SCRAM_USERS_DIR.length + 1) }] } })),
      },
    }] : []),
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
  return volumes;
}

function statefulSetProps(id: string, props: KafkaStatefulSetNodeSetProps, n: NodeSetNames, certificate: CertManagerCertificate): KubeStatefulSetProps {
  const { role, options, cluster: c } = props;
  const { setName, headless, selector } = n;
  const podLabels = { ...c.nodePodLabels, [KAFKA_NODE_ROLE_LABEL]: role };
  const initContainers = initContainersOf(c, n.broker);
  const kafka = kafkaContainer(id, props, n);
  const volumes = volumesOf(c, n, certificate);
  return {
    metadata: {
      name: setName, labels: { ...c.labels, [KAFKA_NODE_ROLE_LABEL]: role },
      annotations: c.storageClass.synthesized ? undefined : { [STORAGE_KMS_KEY_ANNOTATION]: c.storageClass.kmsKeyId },
    },
    spec: {
      replicas: options.replicas,
      serviceName: headless,
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      // A restarted pod counts as available only after it stayed ready this long, so a rolling
      // update does not move to the next broker the moment the listener port opens.
      minReadySeconds: KAFKA_MIN_READY_SECONDS,
      selector: { matchLabels: { ...selector } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: { labels: podLabels },
        spec: {
          serviceAccountName: c.serviceAccountName,
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 120,
          securityContext: {
            runAsNonRoot: true, runAsUser: KAFKA_UID, runAsGroup: KAFKA_UID, fsGroup: KAFKA_UID,
            fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
          },
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_TOPOLOGY_KEY, operator: 'In', values: [...c.zones] }] }],
              },
            },
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{
                labelSelector: { matchLabels: { [KAFKA_CLUSTER_LABEL]: c.name, 'app.kubernetes.io/name': 'kafka' } },
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
        metadata: { name: 'data', labels: { ...c.labels } },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: c.storageClass.storageClassName,
          resources: { requests: { storage: Quantity.fromString(options.storageSize) } },
        },
      }],
    },
  };
}
