"use strict";
/**
 * Kafka ACL vocabulary, provider-neutral: the operations, resource types and pattern types of
 * the Kafka authorizer, and one ACL entry. Every renderer (Strimzi `KafkaUser`, MSK IAM
 * policies, `kafka-acls.sh` argument lines) reads these values.
 * @see https://kafka.apache.org/documentation/#operations_resources_and_protocols
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.AclResource = exports.ACL_WILDCARD = exports.AclPermission = exports.AclPatternType = exports.AclResourceType = exports.AclOperation = void 0;
/** A Kafka ACL operation (the names Strimzi and `kafka-acls.sh` use). */
var AclOperation;
(function (AclOperation) {
    /** Fetch from a topic; join a consumer group. */
    AclOperation["READ"] = "Read";
    /** Produce to a topic; use a transactional id. */
    AclOperation["WRITE"] = "Write";
    /** Create topics. */
    AclOperation["CREATE"] = "Create";
    /** Delete topics or groups. */
    AclOperation["DELETE"] = "Delete";
    /** Alter a resource (create ACLs, partitions). */
    AclOperation["ALTER"] = "Alter";
    /** Read metadata: topic and group descriptions, offsets. */
    AclOperation["DESCRIBE"] = "Describe";
    /** Inter-broker cluster actions. */
    AclOperation["CLUSTER_ACTION"] = "ClusterAction";
    /** Change configurations. */
    AclOperation["ALTER_CONFIGS"] = "AlterConfigs";
    /** Read configurations. */
    AclOperation["DESCRIBE_CONFIGS"] = "DescribeConfigs";
    /** Idempotent produce (cluster resource). */
    AclOperation["IDEMPOTENT_WRITE"] = "IdempotentWrite";
    /** Every operation. */
    AclOperation["ALL"] = "All";
})(AclOperation || (exports.AclOperation = AclOperation = {}));
/** What an ACL protects. */
var AclResourceType;
(function (AclResourceType) {
    /** A topic (or topics, with a prefix pattern). */
    AclResourceType["TOPIC"] = "topic";
    /** A consumer group. */
    AclResourceType["GROUP"] = "group";
    /** The cluster itself. */
    AclResourceType["CLUSTER"] = "cluster";
    /** A producer's transactional id. */
    AclResourceType["TRANSACTIONAL_ID"] = "transactionalId";
})(AclResourceType || (exports.AclResourceType = AclResourceType = {}));
/** How an ACL resource name matches. */
var AclPatternType;
(function (AclPatternType) {
    /** The exact name (`*` is Kafka's wildcard: every resource of the type). */
    AclPatternType["LITERAL"] = "literal";
    /** Every name that starts with the given prefix. */
    AclPatternType["PREFIX"] = "prefix";
})(AclPatternType || (exports.AclPatternType = AclPatternType = {}));
/** Whether an ACL allows or denies. Deny wins over allow in Kafka and IAM. */
var AclPermission;
(function (AclPermission) {
    /** Allow the operations. */
    AclPermission["ALLOW"] = "allow";
    /** Deny the operations, even when another ACL allows them. */
    AclPermission["DENY"] = "deny";
})(AclPermission || (exports.AclPermission = AclPermission = {}));
/** Kafka's literal wildcard: every resource of the type. */
exports.ACL_WILDCARD = '*';
/**
 * The resource an ACL names: a topic, group or transactional id (literal or prefixed), or the
 * cluster. Built by the static factories.
 */
class AclResource {
    type;
    name;
    patternType;
    /** One topic by name. */
    static topic(name) {
        return new AclResource(AclResourceType.TOPIC, name, AclPatternType.LITERAL);
    }
    /** Every topic whose name starts with `prefix`. */
    static topicPrefix(prefix) {
        return new AclResource(AclResourceType.TOPIC, prefix, AclPatternType.PREFIX);
    }
    /** One consumer group by name. */
    static group(name) {
        return new AclResource(AclResourceType.GROUP, name, AclPatternType.LITERAL);
    }
    /** Every consumer group whose name starts with `prefix`. */
    static groupPrefix(prefix) {
        return new AclResource(AclResourceType.GROUP, prefix, AclPatternType.PREFIX);
    }
    /** One transactional id. */
    static transactionalId(id) {
        return new AclResource(AclResourceType.TRANSACTIONAL_ID, id, AclPatternType.LITERAL);
    }
    /** Every transactional id that starts with `prefix`. */
    static transactionalIdPrefix(prefix) {
        return new AclResource(AclResourceType.TRANSACTIONAL_ID, prefix, AclPatternType.PREFIX);
    }
    /** The cluster (cluster-level operations such as IdempotentWrite, Describe, Alter). */
    static cluster() {
        return new AclResource(AclResourceType.CLUSTER, 'kafka-cluster', AclPatternType.LITERAL);
    }
    /** Any resource of a type: Kafka's literal `*`. Refused for non-admins in staging and production (SEC-005). */
    static any(type) {
        return new AclResource(type, exports.ACL_WILDCARD, AclPatternType.LITERAL);
    }
    constructor(type, 
    /** The name, the prefix, `*`, or `kafka-cluster` for the cluster. */
    name, patternType) {
        this.type = type;
        this.name = name;
        this.patternType = patternType;
    }
    /** True when this resource matches every resource of its type (`*`, or an empty prefix). */
    get isWildcard() {
        if (this.type === AclResourceType.CLUSTER)
            return false;
        if (this.patternType === AclPatternType.LITERAL)
            return this.name === exports.ACL_WILDCARD;
        return this.name === '';
    }
    /** True for a prefixed pattern. */
    get isPrefix() {
        return this.patternType === AclPatternType.PREFIX;
    }
    /** A readable label: `topic 'orders'`, `topic prefix 'orders.'`, `cluster`. */
    toString() {
        if (this.type === AclResourceType.CLUSTER)
            return 'cluster';
        return this.isPrefix ? `${this.type} prefix '${this.name}'` : `${this.type} '${this.name}'`;
    }
}
exports.AclResource = AclResource;
