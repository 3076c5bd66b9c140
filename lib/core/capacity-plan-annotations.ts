import type { IConstruct } from 'constructs';

/**
 * Where a capacity plan is recorded in the synthesized output, so that the CAP rules can
 * compare what is provisioned with what was planned by reading documents alone (the same rules
 * then also work on hand-written Strimzi YAML or another team's Terraform JSON).
 *
 * - Kubernetes (Strimzi `Kafka`, `KafkaNodePool`, `KafkaTopic`; a Kafka `StatefulSet`): annotations
 *   `kafka-iac.dev/capacity-plan*`.
 * - MSK (`aws_msk_cluster`): tags `kafka-iac:capacity-plan*` (they also show the plan in the AWS console).
 *
 * @see CAP-001, CAP-002, CAP-003
 */
export class CapacityPlanAnnotations {
  /** Kubernetes annotation: the plan's name. */
  public static readonly NAME = 'kafka-iac.dev/capacity-plan';
  /** Kubernetes annotation: planned storage per broker, whole GiB. */
  public static readonly STORAGE_GIB = 'kafka-iac.dev/capacity-plan-storage-gib';
  /** Kubernetes annotation: planned disk of the whole cluster with headroom, whole GiB (CAP-001 divides it by the actual brokers). */
  public static readonly DISK_GIB = 'kafka-iac.dev/capacity-plan-disk-gib';
  /** Kubernetes annotation: planned broker count. */
  public static readonly BROKERS = 'kafka-iac.dev/capacity-plan-brokers';
  /** Kubernetes annotation: planned partitions of a topic. */
  public static readonly PARTITIONS = 'kafka-iac.dev/capacity-plan-partitions';
  /** MSK tag: the plan's name. */
  public static readonly TAG_NAME = 'kafka-iac:capacity-plan';
  /** MSK tag: planned storage per broker, whole GiB. */
  public static readonly TAG_STORAGE_GIB = 'kafka-iac:capacity-plan-storage-gib';
  /** MSK tag: planned disk of the whole cluster with headroom, whole GiB. */
  public static readonly TAG_DISK_GIB = 'kafka-iac:capacity-plan-disk-gib';
  /** MSK tag: planned broker count. */
  public static readonly TAG_BROKERS = 'kafka-iac:capacity-plan-brokers';

  /**
   * The plan recorded on a synthesized body: annotations of a Kubernetes object, or tags of a
   * Terraform resource. Values that are not whole numbers are ignored.
   */
  public static read(body: Readonly<Record<string, any>>): RecordedCapacityPlan | undefined {
    const annotations = body?.metadata?.annotations;
    if (annotations && typeof annotations === 'object' && annotations[CapacityPlanAnnotations.NAME] !== undefined) {
      return recorded(annotations, CapacityPlanAnnotations.NAME, CapacityPlanAnnotations.STORAGE_GIB, CapacityPlanAnnotations.DISK_GIB, CapacityPlanAnnotations.BROKERS, CapacityPlanAnnotations.PARTITIONS);
    }
    const tags = body?.tags;
    if (tags && typeof tags === 'object' && tags[CapacityPlanAnnotations.TAG_NAME] !== undefined) {
      return recorded(tags, CapacityPlanAnnotations.TAG_NAME, CapacityPlanAnnotations.TAG_STORAGE_GIB, CapacityPlanAnnotations.TAG_DISK_GIB, CapacityPlanAnnotations.TAG_BROKERS, '');
    }
    return undefined;
  }

  /**
   * Records the planned storage per broker and broker count on every Kafka cluster resource
   * under `scope`: `aws_msk_cluster` tags (through `addOverride`, so they survive any props),
   * Strimzi `Kafka` and Kafka `StatefulSet` annotations (not a controller-only StatefulSet).
   * Returns how many resources were marked.
   */
  public static markClusters(scope: IConstruct, values: RecordedCapacityPlan): number {
    let marked = 0;
    for (const c of scope.node.findAll()) {
      const any = c as any;
      if (any.terraformResourceType === 'aws_msk_cluster' && typeof any.addOverride === 'function') {
        any.addOverride(`tags.${CapacityPlanAnnotations.TAG_NAME}`, values.name);
        if (values.storagePerBrokerGiB !== undefined) any.addOverride(`tags.${CapacityPlanAnnotations.TAG_STORAGE_GIB}`, String(values.storagePerBrokerGiB));
        if (values.diskGiB !== undefined) any.addOverride(`tags.${CapacityPlanAnnotations.TAG_DISK_GIB}`, String(values.diskGiB));
        if (values.brokers !== undefined) any.addOverride(`tags.${CapacityPlanAnnotations.TAG_BROKERS}`, String(values.brokers));
        marked++;
      } else if (isApiObject(any) && (any.kind === 'Kafka' || (any.kind === 'StatefulSet' && !isControllerOnly(any)))) {
        annotate(any, { name: values.name, storagePerBrokerGiB: values.storagePerBrokerGiB, diskGiB: values.diskGiB, brokers: values.brokers });
        marked++;
      }
    }
    return marked;
  }

  /** Records the planned partitions on every Strimzi `KafkaTopic` under `scope`. Returns how many were marked. */
  public static markTopics(scope: IConstruct, values: RecordedCapacityPlan): number {
    let marked = 0;
    for (const c of scope.node.findAll()) {
      const any = c as any;
      if (isApiObject(any) && any.kind === 'KafkaTopic') {
        annotate(any, { name: values.name, partitionsPerTopic: values.partitionsPerTopic });
        marked++;
      }
    }
    return marked;
  }
}

/** Plan values as recorded on a resource. */
export interface RecordedCapacityPlan {
  /** The plan's name. */
  readonly name: string;
  /**
   * Planned storage per broker, whole GiB.
   * @default - not planned
   */
  readonly storagePerBrokerGiB?: number;
  /**
   * Planned disk of the whole cluster with headroom, whole GiB.
   * @default - not planned (CAP-001 then uses `storagePerBrokerGiB`)
   */
  readonly diskGiB?: number;
  /**
   * Planned broker count.
   * @default - not planned
   */
  readonly brokers?: number;
  /**
   * Planned partitions per topic.
   * @default - not planned
   */
  readonly partitionsPerTopic?: number;
}

function recorded(values: Record<string, unknown>, name: string, storage: string, disk: string, brokers: string, partitions: string): RecordedCapacityPlan {
  return {
    name: String(values[name]),
    storagePerBrokerGiB: whole(values[storage]),
    diskGiB: whole(values[disk]),
    brokers: whole(values[brokers]),
    partitionsPerTopic: whole(values[partitions]),
  };
}

function whole(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The label the StatefulSet target puts on a node set: `controller`, `broker` or `combined`. */
const NODE_ROLE_LABEL = 'kafka-iac.dev/role';

/** A KRaft controller-only StatefulSet holds no partitions: the plan's storage and broker count are not its own. */
function isControllerOnly(obj: any): boolean {
  return typeof obj.metadata.getLabel === 'function' && obj.metadata.getLabel(NODE_ROLE_LABEL) === 'controller';
}

function isApiObject(x: any): boolean {
  return typeof x?.kind === 'string' && typeof x?.apiVersion === 'string' && typeof x?.metadata?.addAnnotation === 'function';
}

function annotate(obj: any, values: RecordedCapacityPlan): void {
  obj.metadata.addAnnotation(CapacityPlanAnnotations.NAME, values.name);
  if (values.storagePerBrokerGiB !== undefined) obj.metadata.addAnnotation(CapacityPlanAnnotations.STORAGE_GIB, String(values.storagePerBrokerGiB));
  if (values.diskGiB !== undefined) obj.metadata.addAnnotation(CapacityPlanAnnotations.DISK_GIB, String(values.diskGiB));
  if (values.brokers !== undefined) obj.metadata.addAnnotation(CapacityPlanAnnotations.BROKERS, String(values.brokers));
  if (values.partitionsPerTopic !== undefined) obj.metadata.addAnnotation(CapacityPlanAnnotations.PARTITIONS, String(values.partitionsPerTopic));
}
