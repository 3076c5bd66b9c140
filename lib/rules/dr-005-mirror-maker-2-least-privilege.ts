import type { SynthesizedDocument } from '../contract/document';
import { PRINCIPAL_KIND_LABEL, PRINCIPAL_KIND_TAG } from '../contract/vocabulary';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import { Findings, NOT_APPLICABLE, shown, type Rule, type RuleOutcome, type RuleContext } from './rule';
import { defineRule, Severity } from './define-rule';
import { asMskReplicator, blockOf, connectorConfig, isMirrorMaker2, mirrorsOf } from './readers/replication-documents';
import { literalBoolean } from './readers/msk-cluster-document';
import { documentCheck } from './checks/target-checks';

const MIRROR_MAKER_2_KIND = 'mirror-maker-2';
const AUTHENTICATION_TYPES = ['scram-sha-512', 'scram-sha-256', 'tls', 'custom'];

/**
 * DR-005: MirrorMaker 2 runs as its own least-privilege principal taken from the ACL model,
 * never a superuser. Its internal topics (offset-syncs, checkpoints, heartbeats) have RF 3. The
 * offset-syncs topic location is the same for the source and checkpoint connectors.
 *
 * - KafkaMirrorMaker2: TLS and authentication (never SASL/PLAIN) to the target and every
 *   source; `sync.topic.acls.enabled: false` (MirrorMaker 2 would need cluster Alter to copy
 *   ACLs; the User Operator owns them); offset-syncs, checkpoints, heartbeats and Connect
 *   storage topics at RF ≥ 3, written out; the same `offset-syncs.topic.location` on both
 *   connectors; the target user, when its KafkaUser is in the synthesis, is a MirrorMaker 2
 *   principal and no Kafka's super user.
 * - KafkaUser labelled `kafka-iac.dev/principal-kind: mirror-maker-2`: no cluster right but
 *   Describe, no `*` topic, group or transactional id, no super user of a Kafka.
 * - aws_msk_replicator: a service execution role whose policies are tagged as a MirrorMaker 2
 *   principal (so SEC-005 checks them) and grant no `*` action or kafka-cluster action on `*`;
 *   IAM access control on each cluster defined in the same stack.
 */
export const DR_005_MIRROR_MAKER_2_LEAST_PRIVILEGE: Rule = defineRule({
  id: 'DR-005',
  title: 'MirrorMaker 2 runs as its own least-privilege principal, never a superuser; its internal topics have RF 3; one offset-syncs location for source and checkpoint connectors',
  explanation: 'MirrorMaker 2 reads every replicated topic and writes the DR cluster: as a superuser, one leaked credential exposes both clusters. Internal topics below RF 3 lose the offset mapping with one broker, and connectors that disagree on the offset-syncs location never translate an offset, so failed-over consumers restart from the wrong place.',
  remediation: 'Declare the principals with MirrorMaker2Access.addSourcePrincipal / addTargetPrincipal and build the KafkaMirrorMaker2 with StrimziMirrorMaker2 (RF 3, one location); remove the override that widened a right or lowered an RF.',
  severity: Severity.ERROR,
  targets: { strimzi: checkStrimzi, msk: documentCheck(asMskReplicator, checkReplicator) },
});

/** Strimzi: the MirrorMaker 2 KafkaUser and the KafkaMirrorMaker2. */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source === 'kubernetes' && doc.kind === 'KafkaUser' && doc.body.metadata?.labels?.[PRINCIPAL_KIND_LABEL] === MIRROR_MAKER_2_KIND) {
    return checkKafkaUser(doc, ctx.index);
  }
  return isMirrorMaker2(doc) ? checkMirrorMaker2(doc, ctx.index) : NOT_APPLICABLE;
}

function checkConnection(f: Findings, at: string, cluster: Readonly<Record<string, any>> | undefined): void {
  const auth = cluster?.authentication;
  f.expect(cluster?.tls !== undefined && cluster?.tls !== null, {
    found: `${at}.tls is not set`, expected: 'TLS to the cluster (SEC-001)', fix: `Remove the override of ${at}.tls.`,
  });
  f.expect(AUTHENTICATION_TYPES.includes(auth?.type), {
    found: `${at}.authentication.type is ${shown(auth?.type)}`, expected: `one of ${AUTHENTICATION_TYPES.join(', ')}: MirrorMaker 2 authenticates as its own principal (never anonymous, never SASL/PLAIN)`,
    fix: 'Connect with MirrorMaker2Cluster.strimzi({ principal }) or .msk({ principal }).',
  });
  if (auth?.type === 'custom') {
    const mechanism = String(auth?.config?.['sasl.mechanism'] ?? '');
    f.expect(mechanism !== '' && mechanism.toUpperCase() !== 'PLAIN', {
      found: `${at}.authentication.config.sasl.mechanism is ${shown(auth?.config?.['sasl.mechanism'])}`, expected: 'AWS_MSK_IAM, SCRAM-SHA-512 or OAUTHBEARER, never PLAIN',
    });
  }
}

function checkReplicationFactor(f: Findings, at: string, config: Readonly<Record<string, unknown>>, key: string, required: boolean): void {
  const v = config[key];
  if (v === undefined && !required) return;
  f.expect(Number.isInteger(Number(v)) && Number(v) >= 3, {
    found: `${at}.${key} is ${shown(v)}`, expected: 'at least 3, written out (-1 or absent leaves it to a default that is not checked)',
    fix: `Set ${key}: 3 (StrimziMirrorMaker2 writes 3; remove the override).`,
  });
}

function checkMirrorMaker2(doc: KubernetesDocument, index: DocumentIndex): RuleOutcome {
  const f = new Findings();
  const target = doc.body.spec?.target;
  checkConnection(f, 'spec.target', target);
  const targetConfig = target?.config && typeof target.config === 'object' ? target.config : {};
  for (const key of ['config.storage.replication.factor', 'offset.storage.replication.factor', 'status.storage.replication.factor']) {
    checkReplicationFactor(f, 'spec.target.config', targetConfig, key, true);
  }
  mirrorsOf(doc).forEach((m, i) => {
    const at = `spec.mirrors[${i}]`;
    checkConnection(f, `${at}.source`, m.source);
    const source = connectorConfig(m, 'sourceConnector');
    const checkpoint = connectorConfig(m, 'checkpointConnector');
    f.expect(literalBoolean(source['sync.topic.acls.enabled']) === false, {
      found: `${at}.sourceConnector.config.sync.topic.acls.enabled is ${shown(source['sync.topic.acls.enabled'])}`,
      expected: "'false': copying ACLs needs cluster rights on the target, and the User Operator owns the ACLs",
      fix: "Set sync.topic.acls.enabled: 'false' (StrimziMirrorMaker2 does).",
    });
    checkReplicationFactor(f, `${at}.sourceConnector.config`, source, 'offset-syncs.topic.replication.factor', true);
    checkReplicationFactor(f, `${at}.sourceConnector.config`, source, 'replication.factor', false);
    checkReplicationFactor(f, `${at}.checkpointConnector.config`, checkpoint, 'checkpoints.topic.replication.factor', true);
    for (const [name, config] of [['sourceConnector', source], ['checkpointConnector', checkpoint]] as const) {
      checkReplicationFactor(f, `${at}.${name}.config`, config, 'heartbeats.topic.replication.factor', false);
    }
    const sourceLocation = String(source['offset-syncs.topic.location'] ?? 'source');
    const checkpointLocation = String(checkpoint['offset-syncs.topic.location'] ?? 'source');
    f.expect(sourceLocation === checkpointLocation, {
      found: `${at} offset-syncs.topic.location is '${sourceLocation}' on the source connector and '${checkpointLocation}' on the checkpoint connector`,
      expected: 'the same location on both: the checkpoint connector reads the offset syncs where the source connector writes them',
      fix: 'Set the same offset-syncs.topic.location on both connectors (StrimziMirrorMaker2 writes offsetSyncsTopicLocation to both).',
    });
  });
  const username = target?.authentication?.username ?? target?.authentication?.certificateAndKey?.secretName;
  if (typeof username === 'string') {
    const user = index.kubernetesByName('KafkaUser', username, doc.namespace);
    if (user) {
      const kind = user.body.metadata?.labels?.[PRINCIPAL_KIND_LABEL];
      f.expect(kind === MIRROR_MAKER_2_KIND, {
        found: `the target user KafkaUser ${username} has principal kind ${shown(kind)}`,
        expected: "a MirrorMaker 2 principal of its own ('mirror-maker-2'), never an admin or an application's user",
        fix: 'Declare it with MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication }).',
      });
    }
    checkNotSuperUser(f, index, username, `the target user ${username}`);
  }
  return f.outcome();
}

function checkNotSuperUser(f: Findings, index: DocumentIndex, user: string, what: string): void {
  for (const kafka of index.kubernetes('Kafka')) {
    const supers: unknown[] = Array.isArray(kafka.body.spec?.kafka?.authorization?.superUsers) ? kafka.body.spec.kafka.authorization.superUsers : [];
    f.expect(!supers.includes(user) && !supers.includes(`CN=${user}`), {
      found: `${what} is a super user of Kafka ${kafka.name}`, expected: 'MirrorMaker 2 never a superuser: it gets named ACLs',
      fix: `Remove ${user} from spec.kafka.authorization.superUsers of ${kafka.name}.`,
    });
  }
}

function checkKafkaUser(doc: KubernetesDocument, index: DocumentIndex): RuleOutcome {
  const f = new Findings();
  const acls: any[] = Array.isArray(doc.body.spec?.authorization?.acls) ? doc.body.spec.authorization.acls : [];
  for (const a of acls) {
    if ((a?.type ?? 'allow') !== 'allow') continue;
    const type = String(a?.resource?.type ?? '');
    const ops: string[] = Array.isArray(a?.operations) ? a.operations.map(String) : [];
    if (type === 'cluster') {
      for (const op of ops) {
        f.expect(/^describe$/i.test(op), {
          found: `MirrorMaker 2 user ${doc.name} is allowed cluster operation ${op}`,
          expected: 'no cluster-wide right for MirrorMaker 2 except Describe',
          fix: `Remove the cluster ${op} ACL; MirrorMaker2Access grants exactly what MirrorMaker 2 needs.`,
        });
      }
      continue;
    }
    const name = a?.resource?.name;
    const wildcard = a?.resource?.patternType === 'prefix' ? name === '' : name === '*';
    f.expect(!wildcard, {
      found: `MirrorMaker 2 user ${doc.name} is allowed ${ops.join(',')} on every ${type} (${shown(name)})`,
      expected: 'named topics and groups only (the replicated ones and its own internal topics)',
      fix: 'Grant the replicated topics and groups by name through MirrorMaker2Access.',
    });
  }
  checkNotSuperUser(f, index, doc.name, `MirrorMaker 2 user ${doc.name}`);
  return f.outcome();
}

function statementsOf(policy: unknown): any[] {
  if (typeof policy !== 'string') return [];
  try {
    const p = JSON.parse(policy);
    return Array.isArray(p?.Statement) ? p.Statement : p?.Statement ? [p.Statement] : [];
  } catch {
    return [];
  }
}

function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}

/** MSK: the aws_msk_replicator. */
function checkReplicator(doc: TerraformDocument, { index }: RuleContext): RuleOutcome {
  const f = new Findings();
  const notes: string[] = [];
  const roleArn = doc.body.service_execution_role_arn;
  f.expect(typeof roleArn === 'string' && roleArn !== '', {
    found: 'service_execution_role_arn is not set', expected: 'a service execution role of its own', fix: 'Build the replicator with MskReplicator (it creates the role).',
  });
  const role = index.resolve(roleArn);
  if (role?.type === 'aws_iam_role') {
    const refersToRole = (v: unknown) => typeof v === 'string' && v.startsWith(`\${${role.address}.`);
    const policies: TerraformDocument[] = [];
    for (const att of index.terraform('aws_iam_role_policy_attachment').filter((a) => refersToRole(a.body.role))) {
      const p = index.resolve(att.body.policy_arn);
      // A data source (`data.aws_iam_policy`) is a policy managed elsewhere, whatever it grants.
      if (p?.type === 'aws_iam_policy') {
        policies.push(p);
      } else {
        f.add({
          found: `role ${role.name} has the policy ${shown(att.body.policy_arn)} attached`,
          expected: "only the replicator's own least-privilege policy (tagged as a MirrorMaker 2 principal)",
          fix: 'Remove the attachment; MskReplicator renders the exact kafka-cluster actions it needs.',
        });
      }
    }
    for (const inline of index.terraform('aws_iam_role_policy').filter((a) => refersToRole(a.body.role))) policies.push(inline);
    f.expect(policies.length > 0, { found: `role ${role.name} has no policy`, expected: "the replicator's own least-privilege policy" });
    for (const p of policies) {
      if (p.type === 'aws_iam_policy') {
        f.expect(p.body.tags?.[PRINCIPAL_KIND_TAG] === MIRROR_MAKER_2_KIND, {
          found: `policy ${p.address} has tag ${PRINCIPAL_KIND_TAG} ${shown(p.body.tags?.[PRINCIPAL_KIND_TAG])}`,
          expected: "'mirror-maker-2', so that SEC-005 checks it as a MirrorMaker 2 principal",
          fix: 'Remove the override of the policy tags.',
        });
      }
      for (const s of statementsOf(p.body.policy)) {
        if (s?.Effect !== 'Allow') continue;
        const actions = list(s.Action);
        const resources = list(s.Resource);
        f.expect(!actions.some((a) => a === '*' || a === 'kafka-cluster:*'), {
          found: `policy ${p.address} allows ${actions.join(', ')}`, expected: 'named kafka-cluster actions, never * or kafka-cluster:*',
          fix: 'Remove the override of the replicator policy.',
        });
        f.expect(!(resources.includes('*') && actions.some((a) => a.startsWith('kafka-cluster:'))), {
          found: `policy ${p.address} allows ${actions.join(', ')} on resource '*'`, expected: 'the two clusters, the replicated topics and groups by ARN',
          fix: 'Remove the override of the replicator policy.',
        });
      }
    }
  }
  const clusters = Array.isArray(doc.body.kafka_cluster) ? doc.body.kafka_cluster : [];
  for (const c of clusters) {
    const arn = blockOf(c?.amazon_msk_cluster)?.msk_cluster_arn;
    const cluster = index.resolve(arn);
    if (cluster?.type !== 'aws_msk_cluster') {
      notes.push(`IAM access control on ${typeof arn === 'string' ? arn : 'a cluster'} is checked where that cluster is defined (MskReplicator refuses a cluster without it)`);
      continue;
    }
    const sasl = blockOf(blockOf(cluster.body.client_authentication)?.sasl);
    f.expect(literalBoolean(sasl?.iam) === true, {
      found: `${cluster.address} client_authentication.sasl.iam is ${shown(sasl?.iam)}`,
      expected: 'true: MSK Replicator authenticates with IAM on both clusters',
      fix: `Add ClientAuthentication.iam() to the authentication of ${cluster.address}.`,
    });
  }
  return f.outcome(notes);
}
