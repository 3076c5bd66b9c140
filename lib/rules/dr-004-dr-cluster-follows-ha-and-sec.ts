import type { SynthesizedDocument } from '../contract/document';
import type { DrPairingDeclaration } from '../model/dr/dr-pairing';
import { EnvironmentProfile } from '../model/environment';
import { Findings, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { replicationTargets } from './readers/replication-documents';

/**
 * DR-004: The DR cluster follows every HA and SEC rule above.
 *
 * The HA and SEC rules themselves check the DR cluster (it is synthesized in the peer's stack
 * or chart, and they run there as errors). This rule makes sure they run at full strength: the
 * peer that a replication writes into has the production profile (declared, and the
 * environment it is synthesized in), so no HA rule is relaxed to a warning on the DR cluster.
 */
export const DR_004_DR_CLUSTER_FOLLOWS_HA_AND_SEC: Rule = defineRule({
  id: 'DR-004',
  title: 'The DR cluster follows every HA and SEC rule',
  explanation: 'After a failover the DR cluster is production: a smaller, weaker or less secure copy fails the day it is needed.',
  remediation: "Create the peer with primary.drPeer({ name, region }) (production profile) and synthesize the DR cluster in it; fix the HA and SEC findings of the DR cluster.",
  severity: Severity.ERROR,
  targets: replicationTargets(checkReplication),
});

/** MirrorMaker 2 (Strimzi) and MSK Replicator alike. */
function checkReplication(_doc: SynthesizedDocument, d: DrPairingDeclaration | undefined, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  if (d) {
    f.expect(d.peer.profile === EnvironmentProfile.PRODUCTION, {
      found: `the declared DR peer ${d.peer.environment} has profile '${d.peer.profile}'`,
      expected: 'production: every HA and SEC rule applies to the DR cluster as errors',
      fix: `Create the peer with ${d.primary.environment}.drPeer({ name: '${d.peer.environment}', region: '${d.peer.region}' }).`,
    });
  }
  f.expect(ctx.environment.profile === EnvironmentProfile.PRODUCTION, {
    found: `environment ${ctx.environment.name} has profile '${ctx.environment.profile}'`,
    expected: 'production: the DR cluster this replication writes to is checked by every HA and SEC rule as errors',
    fix: `Synthesize the DR cluster and its replication in the peer environment created by drPeer().`,
  });
  return f.outcome();
}
