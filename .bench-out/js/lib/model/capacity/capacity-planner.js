"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CAPACITY_PLAN_TABLE_HEADER = exports.CapacityPlan = exports.MIN_PRODUCTION_BROKERS = exports.CAPACITY_HEADROOM = exports.BYTES_PER_GIB = exports.CAPACITY_PLAN_SECTION_TITLE = void 0;
exports.formatNumber = formatNumber;
const errors_1 = require("../errors");
/** The title of the report section that lists an environment's capacity plans. */
exports.CAPACITY_PLAN_SECTION_TITLE = 'Capacity plan';
const plansByEnvironment = new WeakMap();
/** Bytes in one GiB (2^30). Capacity figures are in bytes or GiB, never a bare "TB". */
exports.BYTES_PER_GIB = 1024 ** 3;
/** The headroom CAP-001 adds on top of the retained bytes: 20%. */
exports.CAPACITY_HEADROOM = 0.2;
/** The fewest brokers a production cluster may have (HA-001, CAP-002). */
exports.MIN_PRODUCTION_BROKERS = 3;
/**
 * A capacity plan computed from a workload (CAP-001 to CAP-003). Pure: no construct, no I/O.
 *
 * Clusters and topics take their sizes from it as plain numbers
 * (`brokers: plan.brokers`, `storageGiB: plan.storagePerBrokerGiB`, `partitions: plan.partitionsPerTopic`),
 * and `CapacityPlanAnnotations` records the plan on the synthesized cluster so that the CAP rules
 * can compare what is provisioned with what was planned.
 *
 * @example
 * const plan = CapacityPlan.forWorkload({ name: 'orders', messagesPerSecond: 1000,
 *   averageMessageBytes: 1024, retentionSeconds: 7 * 24 * 3600 });
 * plan.diskBytes; // 2229534720000
 */
class CapacityPlan {
    /** Plans a workload. Throws a KafkaIacError for a value that cannot be planned. */
    static forWorkload(workload) {
        return new CapacityPlan(workload);
    }
    /** Disk for a retained workload: messages/s × bytes × seconds × RF, in bytes (no headroom). */
    static retainedBytes(messagesPerSecond, averageMessageBytes, retentionSeconds, replicationFactor) {
        return messagesPerSecond * averageMessageBytes * retentionSeconds * replicationFactor;
    }
    /** Bytes plus CAP-001's 20% headroom, rounded up to a whole byte. */
    static withHeadroom(bytes) {
        // × 6 ÷ 5 instead of × 1.2: exact for every integer below 2^53 ÷ 6.
        return Math.ceil((bytes * 6) / 5);
    }
    /**
     * CAP-002: max(3, ⌈messages/s ÷ per-broker capacity⌉), rounded up to a multiple of `zones`.
     * `minimumBrokers` replaces the 3 (a development plan only).
     */
    static brokersFor(messagesPerSecond, brokerCapacityMessagesPerSecond, zones, minimumBrokers = exports.MIN_PRODUCTION_BROKERS) {
        const forThroughput = brokerCapacityMessagesPerSecond > 0 ? Math.ceil(messagesPerSecond / brokerCapacityMessagesPerSecond) : 0;
        const atLeast = Math.max(minimumBrokers, forThroughput);
        return Math.ceil(atLeast / zones) * zones;
    }
    /** CAP-003: max(⌈topic messages/s ÷ one consumer's messages/s⌉, consumers wanted). */
    static partitionsFor(topicMessagesPerSecond, consumerMessagesPerSecond, consumersWanted) {
        const forThroughput = consumerMessagesPerSecond > 0 ? Math.ceil(topicMessagesPerSecond / consumerMessagesPerSecond) : 0;
        return Math.max(forThroughput, consumersWanted, 1);
    }
    name;
    /** The workload as given. */
    workload;
    /** (1 + annual growth)^(horizon months ÷ 12). */
    growthFactor;
    /** Today's rate × growth factor. */
    plannedMessagesPerSecond;
    /** messages/s × bytes × retention seconds × RF, in bytes, at the planned rate. */
    retainedBytes;
    /** The retained bytes plus 20% headroom, in bytes (CAP-001). */
    diskBytes;
    /** ⌈planned rate ÷ per-broker capacity⌉, before the HA minimum and zone rounding (0 with no capacity given). */
    brokersForThroughput;
    /** The planned broker count (CAP-002). */
    brokers;
    /** The planned disk per broker in whole GiB, rounded up (CAP-001). */
    storagePerBrokerGiB;
    /** The planned partitions per topic (CAP-003). */
    partitionsPerTopic;
    zones;
    replicationFactor;
    constructor(workload) {
        const path = `CapacityPlan ${workload.name}`;
        positive(path, 'messagesPerSecond', workload.messagesPerSecond, 'messages written per second, such as 1000');
        positive(path, 'averageMessageBytes', workload.averageMessageBytes, 'the average message size in bytes, such as 1024');
        positive(path, 'retentionSeconds', workload.retentionSeconds, 'the retention in seconds, such as 604800 for 7 days');
        const rf = workload.replicationFactor ?? 3;
        wholeAtLeast(path, 'replicationFactor', rf, 1, '3 in production');
        const zones = workload.zones ?? 3;
        wholeAtLeast(path, 'zones', zones, 1, 'the availability zones the brokers use, 3 in production');
        const minimumBrokers = workload.minimumBrokers ?? exports.MIN_PRODUCTION_BROKERS;
        wholeAtLeast(path, 'minimumBrokers', minimumBrokers, 1, '3 for staging and production (HA-001)');
        const consumersWanted = workload.consumersWanted ?? 1;
        wholeAtLeast(path, 'consumersWanted', consumersWanted, 1, 'the consumer instances that read in parallel');
        if (workload.brokerCapacityMessagesPerSecond !== undefined) {
            positive(path, 'brokerCapacityMessagesPerSecond', workload.brokerCapacityMessagesPerSecond, 'the measured messages/s of one broker');
        }
        if (workload.consumerMessagesPerSecond !== undefined) {
            positive(path, 'consumerMessagesPerSecond', workload.consumerMessagesPerSecond, "one consumer's measured messages/s");
        }
        if (workload.topicMessagesPerSecond !== undefined) {
            positive(path, 'topicMessagesPerSecond', workload.topicMessagesPerSecond, "the busiest topic's messages/s");
        }
        const growth = workload.annualGrowthRate ?? 0;
        if (!Number.isFinite(growth) || growth < 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-001', path, prop: 'annualGrowthRate', found: growth,
                expected: 'a fraction of 0 or more (0.5 = 50% a year)', fix: 'Set annualGrowthRate: 0.5 for 50% growth a year, or leave it out.',
            });
        }
        const months = workload.planningHorizonMonths ?? 12;
        if (!Number.isFinite(months) || months < 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-001', path, prop: 'planningHorizonMonths', found: months,
                expected: 'a number of months of 0 or more', fix: 'Set planningHorizonMonths: 12, or leave it out.',
            });
        }
        this.name = workload.name;
        this.workload = workload;
        this.zones = zones;
        this.replicationFactor = rf;
        this.growthFactor = growth === 0 ? 1 : (1 + growth) ** (months / 12);
        this.plannedMessagesPerSecond = workload.messagesPerSecond * this.growthFactor;
        this.retainedBytes = CapacityPlan.retainedBytes(this.plannedMessagesPerSecond, workload.averageMessageBytes, workload.retentionSeconds, rf);
        this.diskBytes = CapacityPlan.withHeadroom(this.retainedBytes);
        const capacity = workload.brokerCapacityMessagesPerSecond ?? 0;
        this.brokersForThroughput = capacity > 0 ? Math.ceil(this.plannedMessagesPerSecond / capacity) : 0;
        this.brokers = CapacityPlan.brokersFor(this.plannedMessagesPerSecond, capacity, zones, minimumBrokers);
        this.storagePerBrokerGiB = Math.ceil(this.diskBytes / this.brokers / exports.BYTES_PER_GIB);
        const topicRate = (workload.topicMessagesPerSecond ?? workload.messagesPerSecond) * this.growthFactor;
        this.partitionsPerTopic = CapacityPlan.partitionsFor(topicRate, workload.consumerMessagesPerSecond ?? 0, consumersWanted);
    }
    /** The disk with headroom, in GiB, to two decimals. */
    get diskGiB() {
        return toGiB(this.diskBytes);
    }
    /** The retained bytes without headroom, in GiB, to two decimals. */
    get retainedGiB() {
        return toGiB(this.retainedBytes);
    }
    /**
     * Adds this plan to the environment's report (section "Capacity plan": one row per plan).
     * A plan of the same name replaces the earlier one.
     */
    attachTo(environment) {
        const plans = (plansByEnvironment.get(environment) ?? []).filter((p) => p.name !== this.name);
        plans.push(this);
        plansByEnvironment.set(environment, plans);
        environment.addReportSection({
            title: exports.CAPACITY_PLAN_SECTION_TITLE,
            data: plans.map((p) => p.toJson()),
            markdown: [
                'Figures from `CapacityPlan` (CAP-001 to CAP-003): disk = messages/s × average bytes × retention seconds × RF, plus 20% headroom; brokers = max(3 or the plan minimumBrokers, ⌈throughput ÷ per-broker capacity⌉) rounded up to a multiple of the zone count; partitions = max(⌈topic rate ÷ one consumer⌉, consumers wanted). 1 GiB = 2^30 bytes.',
                '',
                exports.CAPACITY_PLAN_TABLE_HEADER,
                ...plans.map((p) => p.toMarkdownRow()),
            ].join('\n'),
        });
    }
    /** The plans attached to an environment with `attachTo`, in attach order. */
    static attachedTo(environment) {
        return plansByEnvironment.get(environment) ?? [];
    }
    /** The plan as plain data. */
    toJson() {
        return {
            name: this.name,
            growthFactor: round(this.growthFactor, 4),
            plannedMessagesPerSecond: round(this.plannedMessagesPerSecond, 2),
            retainedBytes: this.retainedBytes,
            diskBytes: this.diskBytes,
            diskGiB: this.diskGiB,
            brokersForThroughput: this.brokersForThroughput,
            brokers: this.brokers,
            storagePerBrokerGiB: this.storagePerBrokerGiB,
            partitionsPerTopic: this.partitionsPerTopic,
            zones: this.zones,
            replicationFactor: this.replicationFactor,
        };
    }
    /** One Markdown table row: name, rate, disk, brokers, storage per broker, partitions. */
    toMarkdownRow() {
        const growth = this.growthFactor === 1 ? '' : ` (×${round(this.growthFactor, 3)} growth)`;
        return `| ${this.name} | ${formatNumber(round(this.plannedMessagesPerSecond, 2))}${growth} | ${formatNumber(this.retainedBytes)} B (${formatNumber(this.retainedGiB)} GiB) | ${formatNumber(this.diskBytes)} B (${formatNumber(this.diskGiB)} GiB) | ${this.brokers} | ${formatNumber(this.storagePerBrokerGiB)} | ${this.partitionsPerTopic} |`;
    }
}
exports.CapacityPlan = CapacityPlan;
/** The header of the table whose rows `CapacityPlan.toMarkdownRow` gives. */
exports.CAPACITY_PLAN_TABLE_HEADER = [
    '| plan | messages/s planned | retained (× RF) | disk with 20% headroom | brokers | storage per broker (GiB) | partitions per topic |',
    '|---|---|---|---|---|---|---|',
].join('\n');
function toGiB(bytes) {
    return round(bytes / exports.BYTES_PER_GIB, 2);
}
function round(n, digits) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}
/** 1857945600000 → `1,857,945,600,000`; 1730.35 → `1,730.35`. */
function formatNumber(n) {
    return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
function positive(path, prop, value, expected) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'CAP-001', path, prop, found: value, expected: `a positive number: ${expected}`, fix: `Set ${prop} to a measured or forecast value.` });
    }
}
function wholeAtLeast(path, prop, value, min, expected) {
    if (!Number.isInteger(value) || value < min) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'CAP-002', path, prop, found: value, expected: `a whole number of at least ${min}: ${expected}`, fix: `Set ${prop} to a whole number of at least ${min}.` });
    }
}
