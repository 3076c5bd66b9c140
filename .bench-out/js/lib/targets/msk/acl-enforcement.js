"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AclEnforcement = void 0;
/**
 * Whether Kafka ACLs are enforced on an MSK cluster's SCRAM and mutual-TLS listeners, that is
 * the value of `allow.everyone.if.no.acl.found` (MSK defaults it to `true`). IAM listeners are
 * authorized by IAM policies either way.
 *
 * Turning enforcement on while clients have no ACLs cuts them off, so an existing cluster
 * moves in two phases (README.md, "Turning ACL enforcement on"):
 * 1. `OPEN_UNTIL_ACLS_EXIST`: `allow.everyone.if.no.acl.found=true`. Create the ACLs of every
 *    principal (and the admin). SEC-004 reports this as an error in every environment, so this
 *    phase needs a suppression of SEC-004 with a written reason, which the report shows.
 * 2. `ENFORCED`: `allow.everyone.if.no.acl.found=false`. Remove the suppression.
 * @see SEC-004
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-acls.html
 */
var AclEnforcement;
(function (AclEnforcement) {
    /**
     * `allow.everyone.if.no.acl.found=false`: a principal without ACLs is denied. The default,
     * and the only value SEC-004 accepts.
     */
    AclEnforcement["ENFORCED"] = "enforced";
    /**
     * `allow.everyone.if.no.acl.found=true`: phase 1 of the rollout, while ACLs are created.
     * Fails SEC-004 unless suppressed with a reason.
     */
    AclEnforcement["OPEN_UNTIL_ACLS_EXIST"] = "open-until-acls-exist";
})(AclEnforcement || (exports.AclEnforcement = AclEnforcement = {}));
