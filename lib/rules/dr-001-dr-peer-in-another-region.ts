import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import type { SynthesizedDocument } from '../contract/document';
import type { DrPairingDeclaration } from '../model/dr/dr-pairing';
import { blockOf, isMirrorMaker2, isMskReplicator, mirrorsOf, regionOfArn, replicationTargets } from './readers/replication-documents';

/**
 * DR-001: A production environment may declare a DR peer in another region; replication is
 * MirrorMaker 2 (Strimzi KafkaMirrorMaker2, or MirrorMaker 2 on Kubernetes against MSK) or MSK
 * Replicator.
 *
 * Applies to each KafkaMirrorMaker2 and aws_msk_replicator. Checks the declared pairing (peer in
 * another region, a production-like primary), that the replication runs in the DR peer's
 * environment (MirrorMaker 2 next to the cluster it writes to; the replicator in the target
 * region, where its metrics are), that it connects the declared clusters (MirrorMaker 2
 * aliases; replicator cluster ARNs in the declared regions, MSK to MSK). Without a declaration
 * (DR-003 reports it), what the document itself shows: a replicator copies MSK to MSK, between
 * ARNs of two regions when they are literals.
 */
export const DR_001_DR_PEER_IN_ANOTHER_REGION: Rule = defineRule({
  id: 'DR-001',
  title: 'A production environment may declare a DR peer in another region; replication is MirrorMaker 2 or MSK Replicator',
  explanation: 'A DR copy in the same region fails with the region it is meant to survive. The replication must carry out the declared pairing: from the primary into the peer, run next to the peer.',
  remediation: "Declare the pairing with new DrPairing({ primary, peer: primary.drPeer({ name, region }), ... }) and build the replication from it (StrimziMirrorMaker2 in a chart of the peer, or MskReplicator in the peer's stack).",
  severity: Severity.ERROR,
  targets: replicationTargets(checkReplication),
});

/** MirrorMaker 2 (Strimzi) and MSK Replicator alike. */
function checkReplication(doc: SynthesizedDocument, d: DrPairingDeclaration | undefined, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  if (!d) return checkUndeclared(f, doc);
  f.expect(d.peer.region !== d.primary.region, {
    found: `the DR peer ${d.peer.environment} is in ${d.peer.region}, the region of ${d.primary.environment}`,
    expected: 'a peer in another region', fix: `Create the peer in another region: ${d.primary.environment}.drPeer({ name: '${d.peer.environment}', region: '<another region>' }).`,
  });
  f.expect(ctx.environment.name === d.peer.environment, {
    found: `the replication runs in environment ${ctx.environment.name}`,
    expected: `the DR peer ${d.peer.environment}: replication runs next to the cluster it writes to`,
    fix: `Build it in a chart or stack of ${d.peer.environment}.`,
  });
  f.expect(ctx.environment.region === d.peer.region, {
    found: `the replication runs in region ${ctx.environment.region}`,
    expected: `${d.peer.region}, the DR peer's region`, fix: `Build it in a chart or stack of ${d.peer.environment}.`,
  });
  if (isMirrorMaker2(doc)) {
    const target = doc.body.spec?.target;
    f.expect(target?.alias === d.peer.alias, {
      found: `spec.target.alias is ${shown(target?.alias)}`, expected: `'${d.peer.alias}', the DR peer's alias`,
      fix: 'Remove the override of spec.target.alias.',
    });
    const aliases = mirrorsOf(doc).map((m) => m?.source?.alias);
    f.expect(aliases.length > 0, { found: 'spec.mirrors is empty', expected: `one mirror from '${d.primary.alias}'`, fix: 'Remove the override of spec.mirrors.' });
    for (const alias of aliases) {
      f.expect(alias === d.primary.alias, {
        found: `spec.mirrors[].source.alias is ${shown(alias)}`, expected: `'${d.primary.alias}', the primary's alias`,
        fix: 'Mirror only the declared primary; declare another pairing for another source.',
      });
    }
    return f.outcome();
  }
  const clusters = Array.isArray(doc.body.kafka_cluster) ? doc.body.kafka_cluster : [];
  f.expect(clusters.length === 2 && clusters.every((c: any) => blockOf(c?.amazon_msk_cluster)?.msk_cluster_arn !== undefined), {
    found: `kafka_cluster has ${clusters.length} cluster(s) (${clusters.filter((c: any) => blockOf(c?.amazon_msk_cluster)).length} MSK)`,
    expected: 'two MSK clusters: MSK Replicator copies MSK to MSK',
    fix: 'Use MirrorMaker 2 (StrimziMirrorMaker2 with MirrorMaker2Cluster.msk) for a cluster that is not MSK.',
  });
  const info = blockOf(doc.body.replication_info_list);
  for (const [side, arn, region] of [['source', info?.source_kafka_cluster_arn, d.primary.region], ['target', info?.target_kafka_cluster_arn, d.peer.region]] as const) {
    const found = regionOfArn(arn);
    if (found === undefined) continue;
    f.expect(found === region, {
      found: `replication_info_list.${side}_kafka_cluster_arn is in ${found}`, expected: `a cluster in ${region}, the declared ${side} region`,
      fix: `Replicate from ${d.primary.environment} (${d.primary.region}) into ${d.peer.environment} (${d.peer.region}).`,
    });
  }
  return f.outcome();
}

/** Without a declaration: MSK to MSK, and literal source and target ARNs in different regions. */
function checkUndeclared(f: Findings, doc: SynthesizedDocument) {
  if (!isMskReplicator(doc)) return f.outcome(['no DR pairing declaration: DR-003 reports it; the peer and regions cannot be checked']);
  const clusters = Array.isArray(doc.body.kafka_cluster) ? doc.body.kafka_cluster : [];
  f.expect(clusters.length === 2 && clusters.every((c: any) => blockOf(c?.amazon_msk_cluster)?.msk_cluster_arn !== undefined), {
    found: `kafka_cluster has ${clusters.length} cluster(s)`, expected: 'two MSK clusters: MSK Replicator copies MSK to MSK',
  });
  const info = blockOf(doc.body.replication_info_list);
  const source = regionOfArn(info?.source_kafka_cluster_arn);
  const target = regionOfArn(info?.target_kafka_cluster_arn);
  // Two literal ARNs are compared; a reference on either side (undefined) differs from a literal and is left alone.
  if (source !== undefined) f.expect(source !== target, { found: `source and target clusters are both in ${source}`, expected: 'a DR copy in another region' });
  return f.outcome(['no DR pairing declaration: DR-003 reports it; the peer cannot be checked']);
}
