"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CapacityPlanAnnotations = void 0;
const capacity_planner_1 = require("../model/capacity/capacity-planner");
const admin_command_lines_1 = require("./admin-command-lines");
const vocabulary_1 = require("./vocabulary");
const errors_1 = require("../model/errors");
class CapacityPlanAnnotations {
    /**
     * Records a plan's disk (total and per broker) and broker count on every Kafka cluster resource
     * under `scope` (an `aws_msk_cluster` tag, a Strimzi `Kafka` or Kafka `StatefulSet`
     * annotation; see `CapacityPlanAnnotations`), so that CAP-001 and CAP-002 check the
     * synthesized cluster against the plan. Call it after the cluster is built. Returns how many
     * resources were marked; 0 means `scope` holds no cluster resource.
     */
    static applyToCluster(plan, scope) {
        return CapacityPlanAnnotations.markClusters(scope, {
            name: plan.name, storagePerBrokerGiB: plan.storagePerBrokerGiB, diskGiB: Math.ceil(plan.diskBytes / capacity_planner_1.BYTES_PER_GIB), brokers: plan.brokers,
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
    static applyToTopics(plan, scope, options = {}) {
        return CapacityPlanAnnotations.markTopics(scope, { name: plan.name, partitionsPerTopic: plan.partitionsPerTopic }, options.topics);
    }
    /** Kubernetes annotation: the plan's name. */
    static NAME = 'kafka-iac.dev/capacity-plan';
    /** Kubernetes annotation: planned storage per broker, whole GiB. */
    static STORAGE_GIB = 'kafka-iac.dev/capacity-plan-storage-gib';
    /** Kubernetes annotation: planned disk of the whole cluster with headroom, whole GiB (CAP-001 divides it by the actual brokers). */
    static DISK_GIB = 'kafka-iac.dev/capacity-plan-disk-gib';
    /** Kubernetes annotation: planned broker count. */
    static BROKERS = 'kafka-iac.dev/capacity-plan-brokers';
    /** Kubernetes annotation: planned partitions of a topic. */
    static PARTITIONS = 'kafka-iac.dev/capacity-plan-partitions';
    /** Kubernetes annotation on the StatefulSet access ConfigMap: planned partitions by topic, JSON (`TopicPartitionPlans`). */
    static TOPIC_PARTITIONS = 'kafka-iac.dev/capacity-plan-topic-partitions';
    /** Key of the MSK admin artefact's `input`: planned partitions by topic (`TopicPartitionPlans`). */
    static INPUT_TOPIC_PARTITIONS = 'capacity_plan_partitions';
    /** MSK tag: the plan's name. */
    static TAG_NAME = 'kafka-iac:capacity-plan';
    /** MSK tag: planned storage per broker, whole GiB. */
    static TAG_STORAGE_GIB = 'kafka-iac:capacity-plan-storage-gib';
    /** MSK tag: planned disk of the whole cluster with headroom, whole GiB. */
    static TAG_DISK_GIB = 'kafka-iac:capacity-plan-disk-gib';
    /** MSK tag: planned broker count. */
    static TAG_BROKERS = 'kafka-iac:capacity-plan-brokers';
    /**
     * The plan recorded on a synthesized body: annotations of a Kubernetes object, or tags of a
     * Terraform resource. Values that are not whole numbers are ignored.
     */
    static read(body) {
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
    static markClusters(scope, values) {
        let marked = 0;
        for (const c of scope.node.findAll()) {
            const any = c;
            if (any.terraformResourceType === 'aws_msk_cluster' && typeof any.addOverride === 'function') {
                any.addOverride(`tags.${CapacityPlanAnnotations.TAG_NAME}`, values.name);
                if (values.storagePerBrokerGiB !== undefined)
                    any.addOverride(`tags.${CapacityPlanAnnotations.TAG_STORAGE_GIB}`, String(values.storagePerBrokerGiB));
                if (values.diskGiB !== undefined)
                    any.addOverride(`tags.${CapacityPlanAnnotations.TAG_DISK_GIB}`, String(values.diskGiB));
                if (values.brokers !== undefined)
                    any.addOverride(`tags.${CapacityPlanAnnotations.TAG_BROKERS}`, String(values.brokers));
                marked++;
            }
            else if (isApiObject(any) && (any.kind === 'Kafka' || (any.kind === 'StatefulSet' && !isControllerOnly(any)))) {
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
    static readTopicPlans(body) {
        const annotation = body?.metadata?.annotations?.[CapacityPlanAnnotations.TOPIC_PARTITIONS];
        let raw = body?.input?.[CapacityPlanAnnotations.INPUT_TOPIC_PARTITIONS] ?? annotation;
        if (typeof raw === 'string') {
            try {
                raw = JSON.parse(raw);
            }
            catch {
                raw = undefined;
            }
        }
        const plans = new Map();
        if (!raw || typeof raw !== 'object' || Array.isArray(raw))
            return plans;
        for (const [topic, value] of Object.entries(raw)) {
            const partitions = whole(value?.partitions);
            if (partitions !== undefined)
                plans.set(topic, { plan: String(value?.plan ?? ''), partitions });
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
    static markTopics(scope, values, topics) {
        const wanted = topics === undefined ? undefined : new Set(topics);
        const found = new Set();
        const take = (names) => names.filter((n) => wanted === undefined || wanted.has(n)).map((n) => (found.add(n), n));
        let marked = 0;
        for (const c of scope.node.findAll()) {
            const any = c;
            if (isApiObject(any) && any.kind === 'KafkaTopic') {
                const json = any.toJson();
                if (take([String(json.spec?.topicName ?? json.metadata?.name)]).length === 0)
                    continue;
                annotate(any, { name: values.name, partitionsPerTopic: values.partitionsPerTopic });
                marked++;
            }
            else if (isApiObject(any) && any.kind === 'ConfigMap' && any.metadata.getLabel?.(vocabulary_1.ACL_ARTEFACT_LABEL) === 'true') {
                const text = any.toJson().data?.['topics.txt'];
                const names = take(typeof text === 'string' ? (0, admin_command_lines_1.parseTopicLines)(text).map((t) => t.topic) : []);
                if (names.length === 0)
                    continue;
                any.metadata.addAnnotation(CapacityPlanAnnotations.TOPIC_PARTITIONS, JSON.stringify(recordTopicPlans(any, names, values)));
                marked += names.length;
            }
            else if (any.terraformResourceType === 'terraform_data' && typeof any.toTerraform === 'function' && typeof any.addOverride === 'function') {
                const input = Object.values(any.toTerraform()?.resource?.terraform_data ?? {})[0]?.input;
                if (input?.kind !== vocabulary_1.KAFKA_ADMIN_ARTEFACT_KIND)
                    continue;
                const names = take(typeof input.topics === 'string' ? (0, admin_command_lines_1.parseTopicLines)(input.topics).map((t) => t.topic) : []);
                if (names.length === 0)
                    continue;
                any.addOverride(`input.${CapacityPlanAnnotations.INPUT_TOPIC_PARTITIONS}`, recordTopicPlans(any, names, values));
                marked += names.length;
            }
        }
        const missing = [...(wanted ?? [])].filter((n) => !found.has(n));
        if (missing.length > 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-003', path: `CapacityPlan ${values.name}`, prop: 'topics', found: missing.join(', '),
                expected: `topics created under ${scope.node.path || 'the app'} (by a KafkaTopic, or the topic lines of an MskAccess or StatefulSetAccessJob)`,
                fix: 'Name topics the access model declares, and call applyToTopics after the access construct is built.',
            });
        }
        return marked;
    }
}
exports.CapacityPlanAnnotations = CapacityPlanAnnotations;
const topicPlansByArtefact = new WeakMap();
/** Adds the topics' entries to what earlier calls recorded on the artefact, and returns the whole record. */
function recordTopicPlans(artefact, topics, values) {
    const record = topicPlansByArtefact.get(artefact) ?? {};
    for (const topic of topics) {
        if (values.partitionsPerTopic !== undefined)
            record[topic] = { plan: values.name, partitions: values.partitionsPerTopic };
    }
    topicPlansByArtefact.set(artefact, record);
    return { ...record };
}
function recorded(values, name, storage, disk, brokers, partitions) {
    return {
        name: String(values[name]),
        storagePerBrokerGiB: whole(values[storage]),
        diskGiB: whole(values[disk]),
        brokers: whole(values[brokers]),
        partitionsPerTopic: whole(values[partitions]),
    };
}
function whole(v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
}
/** A KRaft controller-only StatefulSet holds no partitions: the plan's storage and broker count are not its own. */
function isControllerOnly(obj) {
    return typeof obj.metadata.getLabel === 'function' && obj.metadata.getLabel(vocabulary_1.KAFKA_NODE_ROLE_LABEL) === 'controller';
}
function isApiObject(x) {
    return typeof x?.kind === 'string' && typeof x?.apiVersion === 'string' && typeof x?.metadata?.addAnnotation === 'function';
}
function annotate(obj, values) {
    obj.metadata.addAnnotation(CapacityPlanAnnotations.NAME, values.name);
    if (values.storagePerBrokerGiB !== undefined)
        obj.metadata.addAnnotation(CapacityPlanAnnotations.STORAGE_GIB, String(values.storagePerBrokerGiB));
    if (values.diskGiB !== undefined)
        obj.metadata.addAnnotation(CapacityPlanAnnotations.DISK_GIB, String(values.diskGiB));
    if (values.brokers !== undefined)
        obj.metadata.addAnnotation(CapacityPlanAnnotations.BROKERS, String(values.brokers));
    if (values.partitionsPerTopic !== undefined)
        obj.metadata.addAnnotation(CapacityPlanAnnotations.PARTITIONS, String(values.partitionsPerTopic));
}
