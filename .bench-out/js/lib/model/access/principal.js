"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Principal = exports.PrincipalKind = void 0;
const client_authentication_1 = require("../client-authentication");
const acl_1 = require("./acl");
const access_grant_1 = require("./access-grant");
/** What a principal is, which decides the cluster-level rights it may hold (SEC-005). */
var PrincipalKind;
(function (PrincipalKind) {
    /** An application: producer and/or consumer on named topics. No cluster right except IdempotentWrite. */
    PrincipalKind["APPLICATION"] = "application";
    /** A declared administrator: the only kind that gets cluster-wide rights. */
    PrincipalKind["ADMIN"] = "admin";
    /** A MirrorMaker 2 principal: like an application, and may also Describe the cluster. */
    PrincipalKind["MIRROR_MAKER_2"] = "mirror-maker-2";
})(PrincipalKind || (exports.PrincipalKind = PrincipalKind = {}));
/**
 * A Kafka principal of the access model: a user that authenticates and receives ACLs.
 * Create it with `AccessModel.addPrincipal`, `addAdmin` or `addMirrorMaker2`.
 */
class Principal {
    recorder;
    name;
    kind;
    authentication;
    idempotent;
    description;
    entries = [];
    grantList = [];
    /** @internal Use `AccessModel.addPrincipal`. */
    constructor(name, kind, props, recorder) {
        this.recorder = recorder;
        this.name = name;
        this.kind = kind;
        this.authentication = props.authentication;
        this.idempotent = props.idempotent ?? true;
        this.description = props.description;
    }
    /** The ACL entries of this principal, in declaration order. */
    get acls() {
        return this.entries;
    }
    /** The grants made to this principal. */
    get grants() {
        return this.grantList;
    }
    /** True when the principal may write to at least one topic. */
    get isProducer() {
        return this.entries.some((e) => e.permission === acl_1.AclPermission.ALLOW && e.resource.type === acl_1.AclResourceType.TOPIC
            && (e.operations.includes(acl_1.AclOperation.WRITE) || e.operations.includes(acl_1.AclOperation.ALL)));
    }
    /** True when the principal may read at least one topic. */
    get isConsumer() {
        return this.entries.some((e) => e.permission === acl_1.AclPermission.ALLOW && e.resource.type === acl_1.AclResourceType.TOPIC
            && (e.operations.includes(acl_1.AclOperation.READ) || e.operations.includes(acl_1.AclOperation.ALL)));
    }
    /** The consumer groups this principal may use (names or prefixes). */
    get groups() {
        return this.entries.filter((e) => e.permission === acl_1.AclPermission.ALLOW && e.resource.type === acl_1.AclResourceType.GROUP).map((e) => e.resource.name);
    }
    /**
     * The Kafka principal string brokers see: `User:<name>` for SCRAM and OAuth,
     * `User:CN=<name>` for mutual TLS (the certificate's subject). IAM principals have no Kafka
     * ACL principal: their rights are IAM policies.
     */
    get kafkaPrincipal() {
        return this.authentication.mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS ? `User:CN=${this.name}` : `User:${this.name}`;
    }
    /**
     * Allows `operations` on `resource`. A non-admin may not get a cluster-level right except
     * IdempotentWrite (and Describe for MirrorMaker 2), nor `*` in staging and production (SEC-005).
     * Grants: exactly the operations given; on MSK IAM, the actions of `mskIamActionsOf` plus
     * Connect and DescribeCluster.
     */
    addAllow(resource, operations) {
        return this.addGrant(`allow ${operations.join(',')} on ${resource.toString()}`, [
            { principal: this.name, permission: acl_1.AclPermission.ALLOW, resource, operations: [...operations] },
        ]);
    }
    /**
     * Denies `operations` on `resource`, even when another ACL allows them (deny wins in Kafka
     * and in IAM). Rendered as a `type: deny` KafkaUser ACL, a `--deny-principal` line, and an
     * IAM `Deny` statement with the same actions.
     */
    addDeny(resource, operations) {
        return this.addGrant(`deny ${operations.join(',')} on ${resource.toString()}`, [
            { principal: this.name, permission: acl_1.AclPermission.DENY, resource, operations: [...operations] },
        ]);
    }
    /**
     * MirrorMaker 2 only: Describe on the cluster (IAM: kafka-cluster:DescribeCluster).
     * Any other principal is refused (SEC-005).
     */
    grantDescribeCluster() {
        return this.addAllow(acl_1.AclResource.cluster(), [acl_1.AclOperation.DESCRIBE]);
    }
    /** @internal Records a grant's entries through the model's checks. */
    addGrant(description, entries) {
        for (const e of entries)
            this.recorder(this, e);
        this.entries.push(...entries);
        const grant = new access_grant_1.AccessGrant(this.name, description, entries);
        this.grantList.push(grant);
        return grant;
    }
}
exports.Principal = Principal;
