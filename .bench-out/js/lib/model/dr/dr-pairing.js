"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DrPairing = void 0;
exports.escapeRegex = escapeRegex;
exports.exactNameRegex = exactNameRegex;
exports.consumerGroupRegex = consumerGroupRegex;
const environment_1 = require("../environment");
const errors_1 = require("../errors");
const acl_1 = require("../access/acl");
const dr_duration_1 = require("./dr-duration");
const dr_strategy_1 = require("./dr-strategy");
const replication_goal_1 = require("./replication-goal");
const replication_policy_1 = require("./replication-policy");
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/**
 * A DR pairing: a primary environment, its DR peer in another region, and what replicates
 * between them, with the recovery objectives. Provider-neutral (no cdktf or cdk8s types):
 * the MirrorMaker 2 construct (`KafkaMirrorMaker2Replication`) and the MSK Replicator read it.
 *
 * What a replication construct needs, in one place:
 * - `primary.region` / `peer.region`, `primaryAlias` / `peerAlias`;
 * - `topics` (names) and `topicRegexes` (anchored, escaped: MM2 `topicsPattern`, Replicator
 *   `topics_to_replicate`);
 * - `consumerGroups` and `consumerGroupRegexes` (MM2 `groupsPattern`, Replicator
 *   `consumer_groups_to_replicate`);
 * - `rpo.seconds` / `rpo.milliseconds` (MON-010 thresholds), `rto.seconds`;
 * - `replicationPolicy` (`keepsTopicNames`), `syncConsumerGroupOffsets`;
 * - `declaration`: the plain-JSON form that replication constructs write into their output
 *   (annotation or `terraform_data`), which the DR rules check the replication against.
 *
 * Refused at construction, each with its rule ID: a peer in the same region (DR-001), a
 * development primary (DR-001), a peer without the production profile (DR-004), a missing RPO
 * or RTO (DR-003), a topic or group that is not declared, offset sync off while failover is
 * the goal, a policy that does not suit the goal (DR-002).
 *
 * @example
 * const dr = production.drPeer({ name: 'dr', region: 'us-west-2' });
 * const pairing = new DrPairing({ primary: production, peer: dr, access, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
 */
class DrPairing {
    primary;
    peer;
    access;
    rpo;
    rto;
    strategy;
    goal;
    replicationPolicy;
    /** The replicated topic names, in declaration order. */
    topics;
    /** The consumer groups whose offsets replicate. */
    consumerGroups;
    syncConsumerGroupOffsets;
    primaryAlias;
    peerAlias;
    constructor(props) {
        const path = `DrPairing ${props?.primary?.name}->${props?.peer?.name}`;
        this.primary = props.primary;
        this.peer = props.peer;
        this.access = props.access;
        checkRegions(path, props.primary, props.peer);
        checkProfiles(path, props.primary, props.peer);
        if (props.access.environment !== props.primary) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path, prop: 'access', found: props.access.name,
                expected: `the access model of the primary environment '${props.primary.name}'`,
                fix: `Pass the AccessModel declared for '${props.primary.name}' (new AccessModel({ environment: ${props.primary.name} })).`,
            });
        }
        this.rpo = required(path, 'rpo', props.rpo, 'how much data a failover may lose; MON-010 alerts when replication falls behind it', 'rpo: DrDuration.minutes(5)');
        this.rto = required(path, 'rto', props.rto, 'how long a failover may take; the DR drill measures it', 'rto: DrDuration.minutes(30)');
        this.strategy = props.strategy ?? dr_strategy_1.DrStrategy.HOT_STANDBY;
        if (!Object.values(dr_strategy_1.DrStrategy).includes(this.strategy)) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'DR-001', path, prop: 'strategy', found: this.strategy, expected: 'hot-standby or warm-standby', fix: 'Set strategy: DrStrategy.HOT_STANDBY or DrStrategy.WARM_STANDBY.' });
        }
        this.goal = props.goal ?? replication_goal_1.ReplicationGoal.FAILOVER;
        this.replicationPolicy = props.replicationPolicy ?? (this.goal === replication_goal_1.ReplicationGoal.FAILOVER ? replication_policy_1.ReplicationPolicy.IDENTITY : replication_policy_1.ReplicationPolicy.PREFIXED);
        checkPolicy(path, this.goal, this.replicationPolicy);
        this.syncConsumerGroupOffsets = props.syncConsumerGroupOffsets ?? true;
        if (this.goal === replication_goal_1.ReplicationGoal.FAILOVER && !this.syncConsumerGroupOffsets) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path, prop: 'syncConsumerGroupOffsets', found: false,
                expected: 'true while the goal is failover: without synced offsets, consumers in the DR region restart from auto.offset.reset (re-reading or skipping records)',
                fix: 'Remove syncConsumerGroupOffsets: false, or declare goal: ReplicationGoal.ACTIVE_ACTIVE if the peer never takes over consumers.',
            });
        }
        this.topics = selectTopics(path, props.access, props.topics);
        this.consumerGroups = selectGroups(path, props.access, props.consumerGroups);
        this.primaryAlias = alias(path, 'primaryAlias', props.primaryAlias ?? props.primary.name);
        this.peerAlias = alias(path, 'peerAlias', props.peerAlias ?? props.peer.name);
        if (this.primaryAlias === this.peerAlias) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'peerAlias', found: this.peerAlias, expected: `an alias other than the primary's ('${this.primaryAlias}')`,
                fix: 'Give the two clusters different aliases (by default the environment names).',
            });
        }
    }
    /** `<primary>-to-<peer>`: names the replication and its drill document. */
    get name() {
        return `${this.primary.name}-to-${this.peer.name}`;
    }
    /** True when replicated topics keep their names (identity policy). */
    get keepsTopicNames() {
        return this.replicationPolicy === replication_policy_1.ReplicationPolicy.IDENTITY;
    }
    /** True when the goal is failover. */
    get isFailover() {
        return this.goal === replication_goal_1.ReplicationGoal.FAILOVER;
    }
    /** The name a source topic gets on the peer: the same name (identity) or `<primaryAlias>.<topic>`. */
    remoteTopicName(topic) {
        return this.keepsTopicNames ? topic : `${this.primaryAlias}.${topic}`;
    }
    /** One anchored regular expression per replicated topic (dots escaped): `^orders$`, `^audit\.events$`. */
    get topicRegexes() {
        return this.topics.map(exactNameRegex);
    }
    /** One anchored regular expression per replicated group: `^billing$`, or `^audit-.*` for a prefix. */
    get consumerGroupRegexes() {
        return this.consumerGroups.map(consumerGroupRegex);
    }
    /** The declared pairing as plain JSON (pure: the same object every time). */
    get declaration() {
        return {
            name: this.name,
            primary: { environment: this.primary.name, region: this.primary.region, alias: this.primaryAlias },
            peer: { environment: this.peer.name, region: this.peer.region, alias: this.peerAlias, profile: this.peer.profile },
            strategy: this.strategy,
            goal: this.goal,
            replicationPolicy: this.replicationPolicy,
            rpoSeconds: this.rpo.seconds,
            rtoSeconds: this.rto.seconds,
            syncConsumerGroupOffsets: this.syncConsumerGroupOffsets,
            topics: [...this.topics],
            consumerGroups: this.consumerGroups.map((g) => ({ ...g })),
        };
    }
}
exports.DrPairing = DrPairing;
/** Escapes a Kafka name for a Java/JS regular expression. */
function escapeRegex(name) {
    return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A name as an anchored regular expression that matches it and nothing else: `^audit\.events$`. */
function exactNameRegex(name) {
    return `^${escapeRegex(name)}$`;
}
/** A consumer-group selection as an anchored regular expression, `.*` after a prefix: `^billing$`, `^audit-.*`. */
function consumerGroupRegex(group) {
    return group.isPrefix ? `^${escapeRegex(group.name)}.*` : exactNameRegex(group.name);
}
function checkRegions(path, primary, peer) {
    if (peer.region === primary.region) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-001', path, prop: 'peer.region', found: peer.region,
            expected: `a region other than ${primary.region}, the region of '${primary.name}': a regional outage must not take both clusters`,
            fix: `Create the peer in another region: ${primary.name}.drPeer({ name: '${peer.name}', region: 'us-west-2' }).`,
        });
    }
}
function checkProfiles(path, primary, peer) {
    if (!primary.isProductionLike) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-001', path, prop: 'primary.profile', found: primary.profile,
            expected: 'a staging or production primary: development environments do not declare DR peers',
            fix: `Declare the pairing for a production (or staging) environment, not '${primary.name}'.`,
        });
    }
    if (peer.profile !== environment_1.EnvironmentProfile.PRODUCTION) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-004', path, prop: 'peer.profile', found: peer.profile,
            expected: 'production: the DR cluster follows every HA and SEC rule, as the cluster it replaces',
            fix: `Create the peer with ${primary.name}.drPeer({ name: '${peer.name}', region: '${peer.region}' }) (production profile).`,
        });
    }
}
function required(path, prop, value, what, example) {
    if (!(value instanceof dr_duration_1.DrDuration)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-003', path, prop, found: value,
            expected: `a declared ${prop.toUpperCase()} (${what})`,
            fix: `Declare it, for example ${example}.`,
        });
    }
    return value;
}
function checkPolicy(path, goal, policy) {
    if (!Object.values(replication_policy_1.ReplicationPolicy).includes(policy)) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'DR-002', path, prop: 'replicationPolicy', found: policy, expected: 'identity or prefixed', fix: 'Set replicationPolicy: ReplicationPolicy.IDENTITY.' });
    }
    if (goal === replication_goal_1.ReplicationGoal.FAILOVER && policy !== replication_policy_1.ReplicationPolicy.IDENTITY) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-002', path, prop: 'replicationPolicy', found: policy,
            expected: 'identity while the goal is failover: consumers switch to the DR cluster with the same topic names and offsets',
            fix: 'Remove replicationPolicy (identity is the default for failover), or declare goal: ReplicationGoal.ACTIVE_ACTIVE.',
        });
    }
    if (goal === replication_goal_1.ReplicationGoal.ACTIVE_ACTIVE && policy !== replication_policy_1.ReplicationPolicy.PREFIXED) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-002', path, prop: 'replicationPolicy', found: policy,
            expected: 'prefixed while the goal is active-active: with identity names, records replicated each way would loop between the clusters',
            fix: 'Remove replicationPolicy (prefixed is the default for active-active), or declare goal: ReplicationGoal.FAILOVER.',
        });
    }
}
function selectTopics(path, access, names) {
    if (names === undefined) {
        const all = access.topics.map((t) => t.name);
        if (all.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path, prop: 'topics', found: [], expected: `at least one topic declared in ${access.name}`,
                fix: "Declare the topics in the access model (access.addTopic('orders')) before pairing.",
            });
        }
        return all;
    }
    if (names.length === 0) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-002', path, prop: 'topics', found: [], expected: 'at least one topic to replicate',
            fix: 'Leave topics unset to replicate every declared topic, or name them.',
        });
    }
    const seen = new Set();
    for (const name of names) {
        if (!access.topic(name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path: `${path}/topics/${name}`, prop: 'topic', found: name,
                expected: `a topic declared in ${access.name} (${access.topics.map((t) => t.name).join(', ') || 'none declared'})`,
                fix: `Declare it first (access.addTopic('${name}')), or remove it from topics.`,
            });
        }
        if (seen.has(name))
            throw errors_1.KafkaIacError.duplicate('DR-002', `${path}/topics`, 'replicated topic', name);
        seen.add(name);
    }
    return [...names];
}
/** The groups granted in the model: literal names and prefixes, without duplicates, in grant order. */
function declaredGroups(access) {
    const out = [];
    for (const e of access.acls) {
        if (e.permission !== acl_1.AclPermission.ALLOW || e.resource.type !== acl_1.AclResourceType.GROUP || e.resource.isWildcard)
            continue;
        if (!out.some((g) => g.name === e.resource.name && g.isPrefix === e.resource.isPrefix))
            out.push({ name: e.resource.name, isPrefix: e.resource.isPrefix });
    }
    return out;
}
function selectGroups(path, access, names) {
    const declared = declaredGroups(access);
    if (names === undefined)
        return declared;
    const seen = new Set();
    const out = [];
    for (const name of names) {
        const literal = declared.find((g) => !g.isPrefix && g.name === name);
        const byPrefix = declared.find((g) => g.isPrefix && name.startsWith(g.name));
        if (!literal && !byPrefix) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path: `${path}/consumerGroups/${name}`, prop: 'consumer group', found: name,
                expected: `a group granted in ${access.name} (${declared.map((g) => (g.isPrefix ? `${g.name}*` : g.name)).join(', ') || 'none granted'})`,
                fix: `Grant the group to its consumer first (topic.grantConsume(principal, { group: '${name}' })), or remove it from consumerGroups.`,
            });
        }
        if (seen.has(name))
            throw errors_1.KafkaIacError.duplicate('DR-002', `${path}/consumerGroups`, 'replicated consumer group', name);
        seen.add(name);
        out.push({ name, isPrefix: false });
    }
    return out;
}
function alias(path, prop, value) {
    if (!ALIAS.test(value)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-001', path, prop, found: value, expected: 'letters, digits, _ and -, starting with a letter or digit, at most 64 characters',
            fix: "Use a short cluster alias such as 'primary' or 'us-east-1'.",
        });
    }
    return value;
}
