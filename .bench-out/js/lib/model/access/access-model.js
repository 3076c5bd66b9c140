"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccessModel = void 0;
const client_authentication_1 = require("../client-authentication");
const errors_1 = require("../errors");
const acl_1 = require("./acl");
const least_privilege_1 = require("./least-privilege");
const principal_1 = require("./principal");
const topic_1 = require("./topic");
const topic_pattern_1 = require("./topic-pattern");
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;
const PRINCIPAL_NAME = /^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/;
/**
 * Who may do what on a Kafka cluster, declared once and rendered for every target: Strimzi
 * `KafkaUser`/`KafkaTopic` (StrimziAccess), MSK IAM policies (MskIamAccess), `kafka-acls.sh`
 * lines for MSK SCRAM (MskScramAcls) and the StatefulSet admin Job (StatefulSetAccessJob).
 *
 * Plain values only (no cdktf or cdk8s types). Invalid declarations are refused at once:
 * duplicate names, principals without authentication, topics below HA-002/003, consumers
 * without a group, and (SEC-005) for non-admins: cluster rights other than IdempotentWrite
 * (and Describe for MirrorMaker 2), operations beyond `nonAdminAclOperations` (Delete, All,
 * Create or Alter on topics for an application) and, in staging and production, `*` grants.
 *
 * @example
 * const access = new AccessModel({ environment });
 * const orders = access.addTopic('orders', { partitions: 12 });
 * const checkout = access.addPrincipal('checkout', { authentication: ClientAuthentication.scramSha512() });
 * orders.grantProduce(checkout);
 * orders.grantConsume(billing, { group: 'billing' });
 */
class AccessModel {
    environment;
    name;
    defaultReplicationFactor;
    defaultMinInsyncReplicas;
    defaultPartitions;
    topicMap = new Map();
    principalMap = new Map();
    patternList = [];
    constructor(props) {
        this.environment = props.environment;
        this.name = props.name ?? `${props.environment.name}/access`;
        this.defaultReplicationFactor = props.defaultReplicationFactor ?? 3;
        this.defaultMinInsyncReplicas = props.defaultMinInsyncReplicas ?? 2;
        this.defaultPartitions = props.defaultPartitions ?? 6;
    }
    /** Declared topics, in declaration order. */
    get topics() {
        return [...this.topicMap.values()];
    }
    /** Declared principals, in declaration order. */
    get principals() {
        return [...this.principalMap.values()];
    }
    /** Every ACL entry of every principal. */
    get acls() {
        return this.principals.flatMap((p) => p.acls);
    }
    /** The principal with this name, if declared. */
    principal(name) {
        return this.principalMap.get(name);
    }
    /** The topic with this name, if declared. */
    topic(name) {
        return this.topicMap.get(name);
    }
    /**
     * Declares a topic. It inherits the cluster defaults and is checked against HA-002 (RF ≥ 3 in
     * staging and production) and HA-003 (min ISR ≥ 2 there, and always below the RF).
     */
    addTopic(name, props = {}) {
        const path = `${this.name}/topics/${name}`;
        if (typeof name !== 'string' || !TOPIC_NAME.test(name) || name === '.' || name === '..') {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-TOPIC', path, prop: 'name', found: name,
                expected: "a Kafka topic name: letters, digits, '.', '_', '-', at most 249 characters",
                fix: "Name the topic, for example 'orders'. For every topic use access.anyTopic(); for a prefix, access.topicsWithPrefix('orders.').",
            });
        }
        if (this.topicMap.has(name))
            throw errors_1.KafkaIacError.duplicate('KIAC-TOPIC', path, 'topic', name);
        const topic = new topic_1.Topic(name, this.resolveTopic(path, props), this.name);
        this.topicMap.set(name, topic);
        return topic;
    }
    /** Every topic whose name starts with `prefix`: a prefixed ACL pattern (reported by SEC-005). */
    topicsWithPrefix(prefix) {
        if (typeof prefix !== 'string' || !TOPIC_NAME.test(prefix)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path: `${this.name}/topics/${prefix}*`, prop: 'prefix', found: prefix,
                expected: 'a non-empty topic name prefix (an empty prefix matches every topic)',
                fix: "Use a prefix such as 'orders.'.",
            });
        }
        const pattern = new topic_pattern_1.TopicPattern(acl_1.AclResource.topicPrefix(prefix), this.name);
        this.patternList.push(pattern);
        return pattern;
    }
    /**
     * Every topic (Kafka's literal `*`). Granting it to a non-admin is refused in staging and
     * production (SEC-005); use it in development or for MirrorMaker 2 in development only.
     */
    anyTopic() {
        return new topic_pattern_1.TopicPattern(acl_1.AclResource.any(acl_1.AclResourceType.TOPIC), this.name);
    }
    /** Declares an application principal (producer and/or consumer of named topics). */
    addPrincipal(name, props) {
        return this.add(name, principal_1.PrincipalKind.APPLICATION, props);
    }
    /**
     * Declares an administrator. Admins alone hold cluster-wide rights: this grants
     * - ACL: allow All on the cluster, on every topic, group and transactional id (`*`);
     * - IAM (MSK): kafka-cluster:* on the cluster and on every topic, group and transactional id.
     */
    addAdmin(name, props) {
        const admin = this.add(name, principal_1.PrincipalKind.ADMIN, props);
        admin.addGrant('administer the cluster', [
            acl_1.AclResource.cluster(), acl_1.AclResource.any(acl_1.AclResourceType.TOPIC), acl_1.AclResource.any(acl_1.AclResourceType.GROUP),
            acl_1.AclResource.any(acl_1.AclResourceType.TRANSACTIONAL_ID),
        ].map((resource) => ({ principal: name, permission: acl_1.AclPermission.ALLOW, resource, operations: [acl_1.AclOperation.ALL] })));
        return admin;
    }
    /**
     * Declares a MirrorMaker 2 principal: like an application, and it may also Describe the
     * cluster (`principal.grantDescribeCluster()`). Never a superuser (DR-005).
     */
    addMirrorMaker2(name, props) {
        return this.add(name, principal_1.PrincipalKind.MIRROR_MAKER_2, props);
    }
    add(name, kind, props) {
        const path = `${this.name}/principals/${name}`;
        if (typeof name !== 'string' || !PRINCIPAL_NAME.test(name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PRINCIPAL', path, prop: 'name', found: name,
                expected: "lower-case letters, digits, '.' and '-', at most 63 characters (a Kubernetes name and a SCRAM user name)",
                fix: "Name the principal after the application, for example 'orders-service'.",
            });
        }
        if (this.principalMap.has(name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path, prop: 'name', found: name,
                expected: 'unique principal names: a second declaration would silently merge two sets of ACLs',
                fix: `Declare principal '${name}' once and add every grant to it, or give the second one its own name.`,
            });
        }
        const auth = props?.authentication;
        if (!auth || !Object.values(client_authentication_1.AuthenticationMechanism).includes(auth.mechanism)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path, prop: 'authentication', found: auth?.mechanism,
                expected: 'an authentication mechanism: every principal authenticates',
                fix: `Set authentication: ClientAuthentication.scramSha512() (or .mutualTls(), or .iam() on MSK) for principal '${name}'.`,
            });
        }
        const principal = new principal_1.Principal(name, kind, props, (p, e) => this.checkLeastPrivilege(p, e));
        this.principalMap.set(name, principal);
        return principal;
    }
    /** SEC-005 at declaration; the rule checks the synthesized output again. */
    checkLeastPrivilege(principal, entry) {
        if (entry.permission === acl_1.AclPermission.DENY)
            return;
        if (principal.kind === principal_1.PrincipalKind.ADMIN)
            return;
        const path = `${this.name}/principals/${principal.name}`;
        if (entry.resource.isWildcard && this.environment.isProductionLike) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path, prop: `allow ${entry.operations.join(',')} on ${entry.resource.type}`, found: entry.resource.name,
                expected: `named ${entry.resource.type}s (or a prefix) for non-admin principal '${principal.name}' in ${this.environment.profile}`,
                fix: `Grant '${principal.name}' access to named resources (access.addTopic('orders').grantConsume(...)) or a prefix (access.topicsWithPrefix('orders.')), or declare it with addAdmin if it administers the cluster.`,
            });
        }
        const allowed = (0, least_privilege_1.nonAdminAclOperations)(principal.kind, entry.resource.type);
        if (entry.resource.type !== acl_1.AclResourceType.CLUSTER) {
            for (const op of entry.operations) {
                if (allowed.includes(op))
                    continue;
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-005', path, prop: `operation on ${entry.resource.toString()}`, found: op,
                    expected: `only ${allowed.join(', ')} on a ${entry.resource.type} for non-admin principal '${principal.name}' (${principal.kind})`,
                    fix: `Grant '${principal.name}' with topic.grantProduce / topic.grantConsume (or addAllow with those operations), or declare it with addAdmin if it administers the cluster.`,
                });
            }
            return;
        }
        for (const op of entry.operations) {
            if (allowed.includes(op))
                continue;
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path, prop: 'cluster operation', found: op,
                expected: `no cluster-level right for non-admin principal '${principal.name}' except IdempotentWrite (idempotent producers) and Describe (MirrorMaker 2)`,
                fix: `Remove the cluster ${op} grant from '${principal.name}', or declare it with addAdmin if it administers the cluster.`,
            });
        }
    }
    resolveTopic(path, props) {
        const strict = this.environment.isProductionLike;
        const partitions = props.partitions ?? this.defaultPartitions;
        const rf = props.replicationFactor ?? this.defaultReplicationFactor;
        const minIsr = props.minInsyncReplicas ?? this.defaultMinInsyncReplicas;
        if (!Number.isInteger(partitions) || partitions < 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-003', path, prop: 'partitions', found: partitions,
                expected: 'a positive integer', fix: 'Set partitions from the target throughput and the number of consumers (CapacityPlanner).',
            });
        }
        if (!Number.isInteger(rf) || rf < (strict ? 3 : 1)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-002', path, prop: 'replicationFactor', found: rf,
                expected: strict ? `at least 3 in ${this.environment.profile}` : 'a positive integer',
                fix: 'Set replicationFactor: 3 (or leave it unset to inherit the cluster default of 3).',
            });
        }
        if (!Number.isInteger(minIsr) || minIsr < (strict ? 2 : 1)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
                expected: strict ? `at least 2 in ${this.environment.profile}` : 'a positive integer',
                fix: 'Set minInsyncReplicas: 2 (or leave it unset to inherit the cluster default of 2).',
            });
        }
        if (minIsr >= rf && rf > 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
                expected: `below the replication factor (${rf}), so one broker can fail without stopping acks=all writes`,
                fix: `Set minInsyncReplicas: ${rf - 1} or raise replicationFactor to ${minIsr + 1}.`,
            });
        }
        const config = {};
        if (props.minInsyncReplicas !== undefined)
            config['min.insync.replicas'] = String(minIsr);
        if (props.retentionHours !== undefined) {
            if (!(props.retentionHours > 0) && props.retentionHours !== -1) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'KIAC-TOPIC', path, prop: 'retentionHours', found: props.retentionHours,
                    expected: 'a positive number of hours (or -1 for unlimited)', fix: 'Set retentionHours: 168 for seven days.',
                });
            }
            config['retention.ms'] = String(props.retentionHours === -1 ? -1 : Math.round(props.retentionHours * 3_600_000));
        }
        if (props.compacted)
            config['cleanup.policy'] = 'compact';
        Object.assign(config, props.config ?? {});
        return {
            partitions, replicationFactor: rf, minInsyncReplicas: minIsr,
            minInsyncReplicasOverridden: props.minInsyncReplicas !== undefined, config,
        };
    }
}
exports.AccessModel = AccessModel;
