"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuleTarget = void 0;
exports.targetOf = targetOf;
const document_1 = require("./document");
const vocabulary_1 = require("./vocabulary");
/** The target a document belongs to, and where a rule lands (RULES.md, "How a rule lands on each target"). */
var RuleTarget;
(function (RuleTarget) {
    /** AWS MSK, rendered as Terraform JSON. */
    RuleTarget["MSK"] = "msk";
    /** Strimzi custom resources. */
    RuleTarget["STRIMZI"] = "strimzi";
    /** Plain Kubernetes StatefulSets. */
    RuleTarget["STATEFULSET"] = "statefulset";
    /** Files of any target (SEC-009, monitoring and SLO rule files, the model). */
    RuleTarget["ANY"] = "any";
})(RuleTarget || (exports.RuleTarget = RuleTarget = {}));
/** The target a document belongs to, or undefined when it belongs to none (a VPC, an SNS topic). */
function targetOf(doc) {
    if (doc.source === 'terraform') {
        return doc.type.startsWith('aws_msk_') ? RuleTarget.MSK : undefined;
    }
    if ((0, document_1.apiGroupOf)(doc) === 'kafka.strimzi.io')
        return RuleTarget.STRIMZI;
    const label = doc.body.metadata?.labels?.[vocabulary_1.TARGET_LABEL];
    if (label === RuleTarget.STATEFULSET)
        return RuleTarget.STATEFULSET;
    if (label === RuleTarget.STRIMZI)
        return RuleTarget.STRIMZI;
    return undefined;
}
