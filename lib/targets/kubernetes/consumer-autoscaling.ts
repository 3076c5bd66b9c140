import { checkIamRoleArn } from '../../model/grammar/arn';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ScaledObject, TriggerAuthentication, type ScaledObjectSpecTriggers } from '../../imports/keda.sh';
import type { AccessModel } from '../../model/access/access-model';
import { missingLagReadRights, topicsConsumedByGroup } from '../../model/access/consumer-lag-access';
import type { Principal } from '../../model/access/principal';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';
import {
  CONSUMER_GROUP_ANNOTATION, GROUP_TOPIC_PARTITIONS_ANNOTATION, SLO_COVERED_ANNOTATION, TARGET_LABEL,
} from '../../contract/vocabulary';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Where the scaled consumer's Kafka cluster runs, which decides how KEDA authenticates. */
export enum AutoscaledClusterKind {
  /** A Strimzi cluster: TLS with the cluster CA, SCRAM-SHA-512 from the KafkaUser's Secret. */
  STRIMZI = 'strimzi',
  /** The StatefulSet target: TLS with the cluster CA, SCRAM-SHA-512 from the principal's Secret. */
  STATEFULSET = 'statefulset',
  /** AWS MSK: TLS and IAM (`aws_msk_iam`) through KEDA's AWS pod identity. */
  MSK = 'msk',
}

/** Options of a Kubernetes cluster (Strimzi or StatefulSet) for consumer autoscaling. */
export interface KubernetesAutoscaledClusterOptions {
  /** The cluster's name (`metadata.name` of the Strimzi `Kafka`, or the StatefulSet cluster name). */
  readonly clusterName: string;
  /**
   * The cluster's namespace, where the operator (or the platform) keeps the principals' Secrets.
   * @default - the environment's namespace
   */
  readonly namespace?: string;
  /**
   * `bootstrapServers` of a SCRAM-SHA-512 listener with TLS.
   * @default '<clusterName>-kafka-bootstrap.<namespace>.svc:9093' (Strimzi), '<clusterName>-bootstrap.<namespace>.svc:9093' (StatefulSet)
   */
  readonly bootstrapServers?: string;
  /**
   * The Secret with the cluster CA certificate (key `ca.crt`).
   * @default '<clusterName>-cluster-ca-cert' (Strimzi's), '<clusterName>-cluster-ca' (StatefulSet)
   */
  readonly caSecretName?: string;
}

/** Options of an MSK cluster whose consumers run on Kubernetes. */
export interface MskAutoscaledClusterOptions {
  /** The IAM bootstrap brokers (`bootstrap_brokers_sasl_iam`, port 9098), comma-separated. */
  readonly bootstrapServers: string;
  /** The cluster's AWS region (KEDA's `awsRegion`). */
  readonly region: string;
  /**
   * The IAM role KEDA assumes to read the lag; its policy is the scaler principal's (MskIamAccess).
   * @default - KEDA's own identity (`identityOwner: keda`, IRSA or EKS Pod Identity of the operator)
   * @see https://keda.sh/docs/2.20/authentication-providers/aws/
   */
  readonly roleArn?: string;
}

/**
 * The Kafka cluster a scaled consumer reads, built by its factories. It decides the trigger's
 * `bootstrapServers` and the authentication KEDA uses: TLS + SCRAM-SHA-512 on Strimzi and the
 * StatefulSet, TLS + IAM on MSK. Never PLAIN, never a password in the output.
 */
export class AutoscaledCluster {
  /** A Strimzi 1.2 cluster. */
  public static strimzi(options: KubernetesAutoscaledClusterOptions): AutoscaledCluster {
    return new AutoscaledCluster(AutoscaledClusterKind.STRIMZI, options.clusterName, options.namespace, options.bootstrapServers,
      options.caSecretName ?? `${options.clusterName}-cluster-ca-cert`);
  }

  /** A cluster of the StatefulSet target (KafkaStatefulSetCluster). */
  public static statefulSet(options: KubernetesAutoscaledClusterOptions): AutoscaledCluster {
    return new AutoscaledCluster(AutoscaledClusterKind.STATEFULSET, options.clusterName, options.namespace, options.bootstrapServers,
      options.caSecretName ?? `${options.clusterName}-cluster-ca`);
  }

  /** An MSK cluster (IAM access control) whose consumers run on Kubernetes. */
  public static msk(options: MskAutoscaledClusterOptions): AutoscaledCluster {
    if (options?.roleArn !== undefined) checkIamRoleArn(options.roleArn, { code: 'CAP-005', path: 'AutoscaledCluster.msk', prop: 'roleArn' });
    return new AutoscaledCluster(AutoscaledClusterKind.MSK, 'msk', undefined, options.bootstrapServers, undefined, options.region, options.roleArn);
  }

  private constructor(
    public readonly kind: AutoscaledClusterKind,
    public readonly clusterName: string,
    /** The cluster's namespace (Kubernetes targets); undefined: the environment's. */
    public readonly namespace: string | undefined,
    private readonly bootstrap: string | undefined,
    /** The Secret with the cluster CA (Kubernetes targets). */
    public readonly caSecretName: string | undefined,
    /** The AWS region (MSK). */
    public readonly region?: string,
    /** The role KEDA assumes (MSK). */
    public readonly roleArn?: string,
  ) {}

  /** The bootstrap servers of the trigger. */
  public bootstrapServers(namespace: string): string {
    if (this.bootstrap !== undefined) return this.bootstrap;
    return this.kind === AutoscaledClusterKind.STRIMZI
      ? `${this.clusterName}-kafka-bootstrap.${namespace}.svc:9093`
      : `${this.clusterName}-bootstrap.${namespace}.svc:9093`;
  }
}

/** The workload KEDA scales (`spec.scaleTargetRef`). */
export class ScaleTarget {
  /** An `apps/v1` Deployment. */
  public static deployment(name: string, namespace?: string): ScaleTarget {
    return new ScaleTarget('Deployment', name, namespace);
  }

  /** An `apps/v1` StatefulSet. */
  public static statefulSet(name: string, namespace?: string): ScaleTarget {
    return new ScaleTarget('StatefulSet', name, namespace);
  }

  private constructor(
    public readonly kind: 'Deployment' | 'StatefulSet',
    public readonly name: string,
    /** The workload's namespace; undefined: the environment's. */
    public readonly namespace: string | undefined,
  ) {}
}

/**
 * Secrets that hold the scaler's credentials in the workload's namespace, when it is not the
 * cluster's: KEDA's TriggerAuthentication reads Secrets only from its own namespace, so they are
 * copied there by the platform (External Secrets, Reflector, a replicator) under these names.
 */
export interface ReplicatedScalerSecrets {
  /** The Secret with the scaler principal's SCRAM password (key `password`). */
  readonly credentials: string;
  /** The Secret with the cluster CA certificate (key `ca.crt`). */
  readonly clusterCa: string;
}

/** Props of a `ConsumerAutoscaling`: the consumer workload, its group and how far it scales. */
export interface ConsumerAutoscalingProps {
  /** The access model that declares the group, its topics and the scaler principal. */
  readonly access: AccessModel;
  /** The consumer group (`group.id`) whose lag drives the scaling; declared by a consume grant. */
  readonly group: string;
  /**
   * The principal KEDA authenticates as. Give it exactly what the scaler needs with
   * `grantLagRead(access, scaler, group)` (Describe on the group and its topics) before the
   * access model is rendered, so its KafkaUser, ACL lines or IAM policy exist (SEC-005).
   * SCRAM-SHA-512 on Strimzi and the StatefulSet, IAM on MSK.
   */
  readonly scaler: Principal;
  /** The Deployment or StatefulSet that consumes the group. */
  readonly workload: ScaleTarget;
  /** The cluster the group lives on. */
  readonly cluster: AutoscaledCluster;
  /**
   * Fewest replicas. CAP-005: at least 1, and at least 2 in staging and production for a group
   * with an SLO.
   * @default 2 in staging and production, 1 in development
   */
  readonly minReplicas?: number;
  /**
   * Most replicas. CAP-005: at most the partitions of the topics the group consumes (more
   * consumers sit idle).
   * @default - the partitions of the group's topics
   */
  readonly maxReplicas?: number;
  /**
   * Lag per replica that the HPA targets (KEDA `lagThreshold`): the design documents scale out
   * when lag passes 1,000 messages.
   * @default 1000
   * @see https://keda.sh/docs/2.20/scalers/apache-kafka/
   */
  readonly lagThreshold?: number;
  /**
   * Lag below which the group counts as idle (KEDA `activationLagThreshold`; it matters when
   * minReplicas is 0): the documents scale in below 100 messages.
   * @default 100
   */
  readonly activationLagThreshold?: number;
  /**
   * Scale-in stabilisation: the HPA uses the highest recommendation of this window before
   * removing replicas (the documents' cooldown). Also KEDA's `cooldownPeriod`.
   * @default 300
   */
  readonly scaleInStabilizationSeconds?: number;
  /**
   * How often KEDA reads the lag (`pollingInterval`).
   * @default 30
   */
  readonly pollingIntervalSeconds?: number;
  /**
   * Also scale on CPU utilisation of the consumer pods (KEDA `cpu` trigger, `Utilization`);
   * the documents say 70%. Needs CPU requests on the pods.
   * @default - no CPU trigger
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Whether the group is covered by an SLO (SLO-002 consumer lag); CAP-005 then asks for at
   * least 2 replicas in staging and production.
   * @default true in staging and production (SLO-002 covers every group there), false in development
   */
  readonly serviceLevelObjective?: boolean;
  /**
   * Secrets in the workload's namespace when it is not the cluster's (Kubernetes targets).
   * @default - the operator's Secrets: the scaler's `<scaler>` and the cluster CA, only reachable when the workload runs in the cluster's namespace
   */
  readonly replicatedSecrets?: ReplicatedScalerSecrets;
}

/** The documents' defaults. */
const DEFAULT_LAG_THRESHOLD = 1000;
const DEFAULT_ACTIVATION_LAG_THRESHOLD = 100;
const DEFAULT_STABILIZATION_SECONDS = 300;

/**
 * Consumer autoscaling on lag with KEDA 2.20: a `ScaledObject` (keda.sh/v1alpha1) that scales a
 * Deployment or StatefulSet consuming a group of the access model, and the
 * `TriggerAuthentication` KEDA uses to read the lag.
 *
 * - One `kafka` trigger per topic the group consumes: `bootstrapServers`, `consumerGroup`,
 *   `topic`, `lagThreshold` (1,000), `activationLagThreshold` (100), `offsetResetPolicy: latest`,
 *   `allowIdleConsumers: false` (KEDA never asks for more replicas than partitions).
 * - `minReplicaCount` / `maxReplicaCount`, `cooldownPeriod` and an HPA `scaleDown`
 *   stabilisation window (300 s).
 * - Authentication the cluster accepts: `tls: enable` with the cluster CA and
 *   `sasl: scram_sha512` with the password from the principal's Secret (Strimzi, StatefulSet);
 *   `sasl: oauthbearer` with `saslTokenProvider: aws_msk_iam` and AWS pod identity (MSK). The
 *   username comes from a ConfigMap, the password and CA from Secrets: no secret value is
 *   written (SEC-009), and PLAIN is never used (SEC-003).
 * - The scaler principal must hold Describe on the group and its topics (`grantLagRead`) and
 *   gets nothing else from here (SEC-005).
 * - Optionally a `cpu` trigger (`Utilization`, 70%).
 *
 * Validated eagerly: thresholds must be positive, min ≤ max, the group declared, and a workload
 * in another namespace needs `replicatedSecrets`. CAP-005 checks the synthesized ScaledObject.
 * @see https://keda.sh/docs/2.20/scalers/apache-kafka/
 * @see https://github.com/kedacore/keda/blob/v2.20.2/pkg/scalers/kafka_scaler.go
 */
export class ConsumerAutoscaling extends KafkaIacConstruct {
  /** The ScaledObject (escape hatch: `addJsonPatch`). */
  public readonly resource: ScaledObject;
  /** The TriggerAuthentication. */
  public readonly triggerAuthentication: TriggerAuthentication;
  /** The ConfigMap with the scaler's user name (Kubernetes targets). */
  public readonly identity?: ApiObject;
  /** The topics whose lag is read, with their partitions. */
  public readonly topics: ReadonlyMap<string, number>;
  public readonly minReplicas: number;
  public readonly maxReplicas: number;

  public constructor(scope: Construct, id: string, props: ConsumerAutoscalingProps) {
    super(scope, id);
    const cluster = KafkaIacError.required(props?.cluster, {
      code: 'KIAC-SCALING', path: this.path, prop: 'cluster', expected: 'an AutoscaledCluster',
      fix: "Set cluster: AutoscaledCluster.strimzi({ clusterName: 'main' }) (or .statefulSet(...), .msk(...)).",
    });
    const workload = KafkaIacError.required(props.workload, {
      code: 'KIAC-SCALING', path: this.path, prop: 'workload', expected: 'a ScaleTarget',
      fix: "Set workload: ScaleTarget.deployment('payments-service').",
    });
    const access = KafkaIacError.required(props.access, {
      code: 'KIAC-SCALING', path: this.path, prop: 'access', expected: 'the AccessModel that declares the group',
      fix: 'Pass the access model rendered for this cluster.',
    });
    const topics = topicsConsumedByGroup(access, props.group, this.path);
    const scaler = this.checkScaler(props, cluster, topics);

    const partitions = topics.reduce((sum, t) => sum + t.partitions, 0);
    const strict = this.environment.isProductionLike;
    const lagThreshold = positiveInteger(this.path, 'lagThreshold', props.lagThreshold ?? DEFAULT_LAG_THRESHOLD, 'Set lagThreshold: 1000 (the documents scale out above 1,000 messages of lag).');
    const activation = positiveInteger(this.path, 'activationLagThreshold', props.activationLagThreshold ?? DEFAULT_ACTIVATION_LAG_THRESHOLD, 'Set activationLagThreshold: 100 (the documents scale in below 100).');
    const stabilization = positiveInteger(this.path, 'scaleInStabilizationSeconds', props.scaleInStabilizationSeconds ?? DEFAULT_STABILIZATION_SECONDS, 'Set scaleInStabilizationSeconds: 300.');
    const polling = positiveInteger(this.path, 'pollingIntervalSeconds', props.pollingIntervalSeconds ?? 30, 'Set pollingIntervalSeconds: 30.');
    const minReplicas = positiveInteger(this.path, 'minReplicas', props.minReplicas ?? (strict ? 2 : 1), 'Set minReplicas: 2 (at least 1).');
    const maxReplicas = positiveInteger(this.path, 'maxReplicas', props.maxReplicas ?? Math.max(partitions, minReplicas), `Set maxReplicas to at most ${partitions}, the partitions of the group's topics.`);
    if (minReplicas > maxReplicas) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-005', path: this.path, prop: 'minReplicas', found: minReplicas,
        expected: `at most maxReplicas (${maxReplicas})`,
        fix: `Lower minReplicas to ${maxReplicas} or raise maxReplicas to ${minReplicas}.`,
      });
    }
    if (stabilization > 3600) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-SCALING', path: this.path, prop: 'scaleInStabilizationSeconds', found: stabilization,
        expected: 'at most 3600 (the HPA limit for stabilizationWindowSeconds)', fix: 'Set scaleInStabilizationSeconds: 300.',
      });
    }
    if (props.cpuUtilizationPercent !== undefined) {
      positiveInteger(this.path, 'cpuUtilizationPercent', props.cpuUtilizationPercent, 'Set cpuUtilizationPercent: 70 (the documents scale out above 70% CPU).');
    }

    const clusterNamespace = cluster.namespace ?? this.environment.namespace;
    const workloadNamespace = workload.namespace ?? this.environment.namespace;
    const secrets = this.secretsOf(props, cluster, scaler, clusterNamespace, workloadNamespace);
    const name = `${workload.name}-kafka-lag`;
    const namespace = workloadNamespace === this.environment.namespace ? undefined : workloadNamespace;
    const labels = { [TARGET_LABEL]: cluster.kind };

    let identity: ApiObject | undefined;
    let authSpec: Record<string, any>;
    const auth: Record<string, string> = { tls: 'enable' };
    if (cluster.kind === AutoscaledClusterKind.MSK) {
      auth.sasl = 'oauthbearer';
      auth.saslTokenProvider = 'aws_msk_iam';
      auth.awsRegion = cluster.region ?? this.environment.region;
      authSpec = { podIdentity: cluster.roleArn ? { provider: 'aws', roleArn: cluster.roleArn } : { provider: 'aws', identityOwner: 'keda' } };
    } else {
      auth.sasl = 'scram_sha512';
      identity = new ApiObject(this, 'Identity', {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { name: `${name}-identity`, namespace, labels },
        data: { username: scaler.name },
      });
      authSpec = {
        configMapTargetRef: [{ parameter: 'username', name: `${name}-identity`, key: 'username' }],
        secretTargetRef: [
          { parameter: 'password', name: secrets!.credentials, key: 'password' },
          { parameter: 'ca', name: secrets!.clusterCa, key: 'ca.crt' },
        ],
      };
    }
    this.triggerAuthentication = new TriggerAuthentication(this, 'Authentication', {
      metadata: { name, namespace, labels },
      spec: authSpec,
    });

    const bootstrap = cluster.bootstrapServers(clusterNamespace);
    const triggers: ScaledObjectSpecTriggers[] = topics.map((topic) => ({
      type: 'kafka',
      name: `lag-${topic.name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      metadata: {
        bootstrapServers: bootstrap,
        consumerGroup: props.group,
        topic: topic.name,
        lagThreshold: String(lagThreshold),
        activationLagThreshold: String(activation),
        offsetResetPolicy: 'latest',
        allowIdleConsumers: 'false',
        ...auth,
      },
      authenticationRef: { name },
    }));
    if (props.cpuUtilizationPercent !== undefined) {
      triggers.push({ type: 'cpu', name: 'cpu', metricType: 'Utilization', metadata: { value: String(props.cpuUtilizationPercent) } });
    }
    const sloCovered = props.serviceLevelObjective ?? strict;
    this.resource = new ScaledObject(this, 'Resource', {
      metadata: {
        name, namespace, labels,
        annotations: {
          [CONSUMER_GROUP_ANNOTATION]: props.group,
          [GROUP_TOPIC_PARTITIONS_ANNOTATION]: JSON.stringify(Object.fromEntries(topics.map((t) => [t.name, t.partitions]))),
          [SLO_COVERED_ANNOTATION]: String(sloCovered),
        },
      },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: workload.kind, name: workload.name },
        minReplicaCount: minReplicas,
        maxReplicaCount: maxReplicas,
        pollingInterval: polling,
        cooldownPeriod: stabilization,
        advanced: {
          horizontalPodAutoscalerConfig: {
            behavior: { scaleDown: { stabilizationWindowSeconds: stabilization } },
          },
        },
        triggers,
      },
    });
    this.identity = identity;
    this.topics = new Map(topics.map((t) => [t.name, t.partitions]));
    this.minReplicas = minReplicas;
    this.maxReplicas = maxReplicas;
  }

  private checkScaler(props: ConsumerAutoscalingProps, cluster: AutoscaledCluster, topics: ReturnType<typeof topicsConsumedByGroup>): Principal {
    const scaler = props.scaler;
    if (!scaler || props.access.principal(scaler.name) !== scaler) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path: this.path, prop: 'scaler', found: scaler?.name,
        expected: `a principal declared in access model '${props.access.name}', so its ACLs are rendered with the others`,
        fix: `Declare it: const scaler = access.addPrincipal('keda-${props.group}', { authentication: ClientAuthentication.scramSha512() }); grantLagRead(access, scaler, '${props.group}').`,
      });
    }
    const wanted = cluster.kind === AutoscaledClusterKind.MSK ? AuthenticationMechanism.IAM : AuthenticationMechanism.SCRAM_SHA_512;
    if (scaler.authentication.mechanism !== wanted) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path: this.path, prop: 'scaler authentication', found: scaler.authentication.mechanism,
        expected: `${wanted} for KEDA on ${cluster.kind} (${cluster.kind === AutoscaledClusterKind.MSK ? 'aws_msk_iam' : 'TLS + SCRAM-SHA-512 from the principal\'s Secret'})`,
        fix: `Declare '${scaler.name}' with ClientAuthentication.${cluster.kind === AutoscaledClusterKind.MSK ? 'iam' : 'scramSha512'}().`,
      });
    }
    const missing = missingLagReadRights(scaler, props.group, topics);
    if (missing.length > 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path: this.path, prop: `ACLs of scaler '${scaler.name}'`, found: `missing ${missing.join(', ')}`,
        expected: 'Describe on the group and on each topic it consumes (what KEDA\'s kafka scaler reads: metadata, committed and latest offsets)',
        fix: `Call grantLagRead(access, ${scaler.name}, '${props.group}') before the access model is rendered.`,
      });
    }
    return scaler;
  }

  private secretsOf(props: ConsumerAutoscalingProps, cluster: AutoscaledCluster, scaler: Principal, clusterNamespace: string, workloadNamespace: string): ReplicatedScalerSecrets | undefined {
    if (cluster.kind === AutoscaledClusterKind.MSK) return undefined;
    if (props.replicatedSecrets) return props.replicatedSecrets;
    if (clusterNamespace !== workloadNamespace) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-SCALING', path: this.path, prop: 'workload namespace', found: workloadNamespace,
        expected: `the cluster's namespace '${clusterNamespace}', where the Secrets '${scaler.name}' and '${cluster.caSecretName}' are: a TriggerAuthentication reads Secrets only from its own namespace`,
        fix: `Copy both Secrets into '${workloadNamespace}' (External Secrets, Reflector) and name them in replicatedSecrets: { credentials, clusterCa }, or scale a workload in '${clusterNamespace}'.`,
      });
    }
    return { credentials: scaler.name, clusterCa: cluster.caSecretName! };
  }
}

function positiveInteger(path: string, prop: string, value: number, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw KafkaIacError.invalidProp({ code: prop.endsWith('Replicas') ? 'CAP-005' : 'KIAC-SCALING', path, prop, found: value, expected: 'a positive integer', fix });
  }
  return value;
}
