import { terraformLiteral } from './writers/terraform';
import type { IConstruct } from 'constructs';
import { BYTES_PER_GIB, type CapacityPlan } from '../model/capacity/capacity-planner';
import { parseTopicLines } from './admin-command-lines';
import { ACL_ARTEFACT_LABEL, KAFKA_ADMIN_ARTEFACT_KIND, KAFKA_NODE_ROLE_LABEL } from './vocabulary';
import { KafkaIacError } from '../model/errors';

/** Which topics `CapacityPlan.applyToTopics` records the plan on. */
export interface ApplyToTopicsOptions {
  /**
   * The topic names (Kafka names, such as `audit.events`) the plan was made for.
   * @default - every topic under the scope
   */
  readonly topics?: readonly string[];
}

/**
 * Where a capacity plan is recorded in the synthesized output, so that the CAP rules can
 * compare what is provisioned with what was planned by reading documents alone (the same rules
 * then also work on hand-written Strimzi YAML or another team's Terraform JSON).
 *
 * - Kubernetes (Strimzi `Kafka`, `KafkaNodePool`, `KafkaTopic`; a Kafka `StatefulSet`): annotations
 *   `kafka-iac.dev/capacity-plan*`.
 * - MSK (`aws_msk_cluster`): tags `kafka-iac:capacity-plan*` (they also show the plan in the AWS console).
 * - Topics created by an admin artefact, several to a document: the MSK admin artefact
 *   (`terraform_data`, `input.capacity_plan_partitions`) and the StatefulSet access ConfigMap
 *   (annotation `kafka-iac.dev/capacity-plan-topic-partitions`, JSON) map each planned topic to
 *   its plan's name and partitions: `{ "orders": { "plan": "shop-orders", "partitions": 12 } }`.
 *
 * @see CAP-001, CAP-002, CAP-003
 */
export class CapacityPlanAnnotations {
  /**
   * Records a plan's disk (total and per broker) and broker count on every Kafka cluster resource
   * under `scope` (an `aws_msk_cluster` tag, a Strimzi `Kafka` or Kafka `StatefulSet`
   * annotation; see `CapacityPlanAnnotations`), so that CAP-001 and CAP-002 check the
   * synthesized cluster against the plan. Call it after the cluster is built. Returns how many
   * resources were marked; 0 means `scope` holds no cluster resource.
   */
  public static applyToCluster(plan: CapacityPlan, scope: IConstruct): number {
    return CapacityPlanAnnotations.markClusters(scope, {
      name: plan.name, storagePerBrokerGiB: plan.storagePerBrokerGiB, diskGiB: Math.ceil(plan.diskBytes / BYTES_PER_GIB), brokers: plan.brokers,
    });
  }

  /**
   * Records a plan's partitions on the topics under `scope`, so that CAP-003 checks each
   * topic's partitions against this plan on every target: a Strimzi `KafkaTopic` annotation,
   * and an entry per topic on the MSK admin artefact (MskAccess, `kafka-admin/topics.txt`) and
   * the StatefulSet access ConfigMap (StatefulSetAccessJob, `topics.txt`). Call it after the
   * access construct is built. Give `topics` to apply the plan only to the topics it was made
   * for. Returns how many topics were marked; throws a KafkaIacError for a named topic that
   * nothing under `scope` creates.
   */
  public static applyToTopics(plan: CapacityPlan, scope: IConstruct, options: ApplyToTopicsOptions = {}): number {
    return CapacityPlanAnnotations.markTopics(scope, { name: plan.name, partitionsPerTopic: plan.partitionsPerTopic }, options.topics);
  }

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
  /** Kubernetes annotation on the StatefulSet access ConfigMap: planned partitions by topic, JSON (`TopicPartitionPlans`). */
  public static readonly TOPIC_PARTITIONS = 'kafka-iac.dev/capacity-plan-topic-partitions';
  /** Key of the MSK admin artefact's `input`: planned partitions by topic (`TopicPartitionPlans`). */
  public static readonly INPUT_TOPIC_PARTITIONS = 'capacity_plan_partitions';
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
        any.addOverride(`tags.${CapacityPlanAnnotations.TAG_NAME}`, terraformLiteral(values.name));
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

  /**
   * The planned partitions by topic recorded on an admin artefact: the StatefulSet access
   * ConfigMap's annotation (JSON) or the MSK admin artefact's `input`. Entries whose
   * partitions are not a whole number are left out; an unreadable record reads as empty.
   */
  public static readTopicPlans(body: Readonly<Record<string, any>>): ReadonlyMap<string, TopicPartitionPlan> {
    const annotation = body?.metadata?.annotations?.[CapacityPlanAnnotations.TOPIC_PARTITIONS];
    let raw: unknown = body?.input?.[CapacityPlanAnnotations.INPUT_TOPIC_PARTITIONS] ?? annotation;
    if (typeof raw === 'string') {
      try { raw = JSON.parse(raw); } catch { raw = undefined; }
    }
    const plans = new Map<string, TopicPartitionPlan>();
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return plans;
    for (const [topic, value] of Object.entries(raw as Record<string, any>)) {
      const partitions = whole(value?.partitions);
      if (partitions !== undefined) plans.set(topic, { plan: String(value?.plan ?? ''), partitions });
    }
    return plans;
  }

  /**
   * Records the planned partitions on the topics under `scope` (all of them, or those named in
   * `topics`): an annotation on each Strimzi `KafkaTopic`, and an entry per topic on the
   * artefacts that create several topics (the MSK admin artefact's `input`, through
   * `addOverride`; the StatefulSet access ConfigMap's annotation). A later call for the same
   * topic replaces its entry. Returns how many topics were marked; throws a KafkaIacError when
   * a named topic is created nowhere under `scope`.
   */
  public static markTopics(scope: IConstruct, values: RecordedCapacityPlan, topics?: readonly string[]): number {
    const wanted = topics === undefined ? undefined : new Set(topics);
    const found = new Set<string>();
    const take = (names: readonly string[]) => names.filter((n) => wanted === undefined || wanted.has(n)).map((n) => (found.add(n), n));
    let marked = 0;
    for (const c of scope.node.findAll()) {
      const any = c as any;
      if (isApiObject(any) && any.kind === 'KafkaTopic') {
        // Without named topics every KafkaTopic is marked: its name (which takes rendering it) is not needed.
        if (wanted !== undefined) {
          const json = any.toJson();
          if (take([String(json.spec?.topicName ?? json.metadata?.name)]).length === 0) continue;
        }
        annotate(any, { name: values.name, partitionsPerTopic: values.partitionsPerTopic });
        marked++;
      } else if (isApiObject(any) && any.kind === 'ConfigMap' && any.metadata.getLabel?.(ACL_ARTEFACT_LABEL) === 'true') {
        const text = any.toJson().data?.['topics.txt'];
        const names = take(typeof text === 'string' ? parseTopicLines(text).map((t) => t.topic) : []);
        if (names.length === 0) continue;
        any.metadata.addAnnotation(CapacityPlanAnnotations.TOPIC_PARTITIONS, JSON.stringify(recordTopicPlans(any, names, values)));
        marked += names.length;
      } else if (any.terraformResourceType === 'terraform_data' && typeof any.toTerraform === 'function' && typeof any.addOverride === 'function') {
        const input = Object.values<any>(any.toTerraform()?.resource?.terraform_data ?? {})[0]?.input;
        if (input?.kind !== KAFKA_ADMIN_ARTEFACT_KIND) continue;
        const names = take(typeof input.topics === 'string' ? parseTopicLines(input.topics).map((t) => t.topic) : []);
        if (names.length === 0) continue;
        any.addOverride(`input.${CapacityPlanAnnotations.INPUT_TOPIC_PARTITIONS}`, recordTopicPlans(any, names, values));
        marked += names.length;
      }
    }
    const missing = [...(wanted ?? [])].filter((n) => !found.has(n));
    if (missing.length > 0) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-003', path: `CapacityPlan ${values.name}`, prop: 'topics', found: missing.join(', '),
        expected: `topics created under ${scope.node.path || 'the app'} (by a KafkaTopic, or the topic lines of an MskAccess or StatefulSetAccessJob)`,
        fix: 'Name topics the access model declares, and call applyToTopics after the access construct is built.',
      });
    }
    return marked;
  }
}

/** A topic's planned partitions, as recorded on an admin artefact. */
export interface TopicPartitionPlan {
  /** The plan's name. */
  readonly plan: string;
  /** The partitions the plan asks for. */
  readonly partitions: number;
}

/** Planned partitions by topic, as recorded on an admin artefact (JSON-serializable). */
export type TopicPartitionPlans = Readonly<Record<string, TopicPartitionPlan>>;

const topicPlansByArtefact = new WeakMap<object, Record<string, TopicPartitionPlan>>();

/** Adds the topics' entries to what earlier calls recorded on the artefact, and returns the whole record. */
function recordTopicPlans(artefact: object, topics: readonly string[], values: RecordedCapacityPlan): TopicPartitionPlans {
  const record = topicPlansByArtefact.get(artefact) ?? {};
  for (const topic of topics) {
    if (values.partitionsPerTopic !== undefined) record[topic] = { plan: values.name, partitions: values.partitionsPerTopic };
  }
  topicPlansByArtefact.set(artefact, record);
  return { ...record };
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

/** A KRaft controller-only StatefulSet holds no partitions: the plan's storage and broker count are not its own. */
function isControllerOnly(obj: any): boolean {
  return typeof obj.metadata.getLabel === 'function' && obj.metadata.getLabel(KAFKA_NODE_ROLE_LABEL) === 'controller';
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
