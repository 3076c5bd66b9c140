"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DR_004_DR_CLUSTER_FOLLOWS_HA_AND_SEC = void 0;
const environment_1 = require("../model/environment");
const rule_1 = require("./rule");
const replication_documents_1 = require("./readers/replication-documents");
/**
 * DR-004: The DR cluster follows every HA and SEC rule above.
 *
 * The HA and SEC rules themselves check the DR cluster (it is synthesized in the peer's stack
 * or chart, and they run there as errors). This rule makes sure they run at full strength: the
 * peer that a replication writes into has the production profile (declared, and the
 * environment it is synthesized in), so no HA rule is relaxed to a warning on the DR cluster.
 */
exports.DR_004_DR_CLUSTER_FOLLOWS_HA_AND_SEC = {
    id: 'DR-004',
    level: rule_1.RuleLevel.ERROR,
    title: 'The DR cluster follows every HA and SEC rule',
    explanation: 'After a failover the DR cluster is production: a smaller, weaker or less secure copy fails the day it is needed.',
    remediation: "Create the peer with primary.drPeer({ name, region }) (production profile) and synthesize the DR cluster in it; fix the HA and SEC findings of the DR cluster.",
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.MSK],
    check(doc, ctx) {
        if (!(0, replication_documents_1.isMirrorMaker2)(doc) && !(0, replication_documents_1.isMskReplicator)(doc))
            return rule_1.NOT_APPLICABLE;
        const f = new rule_1.Findings();
        const d = (0, replication_documents_1.declarationOf)(doc, ctx.index);
        if (d) {
            f.expect(d.peer.profile === environment_1.EnvironmentProfile.PRODUCTION, {
                found: `the declared DR peer ${d.peer.environment} has profile '${d.peer.profile}'`,
                expected: 'production: every HA and SEC rule applies to the DR cluster as errors',
                fix: `Create the peer with ${d.primary.environment}.drPeer({ name: '${d.peer.environment}', region: '${d.peer.region}' }).`,
            });
        }
        f.expect(ctx.environment.profile === environment_1.EnvironmentProfile.PRODUCTION, {
            found: `environment ${ctx.environment.name} has profile '${ctx.environment.profile}'`,
            expected: 'production: the DR cluster this replication writes to is checked by every HA and SEC rule as errors',
            fix: `Synthesize the DR cluster and its replication in the peer environment created by drPeer().`,
        });
        return f.outcome();
    },
};
