import { terraformText } from '../contract/writers/terraform';
import { parseAclLines, type ParsedAclLine } from '../contract/admin-command-lines';
import { ACL_ARTEFACT_LABEL, DECLARED_ADMINS_ANNOTATION, DECLARED_ADMINS_TAG, KAFKA_ADMIN_ARTEFACT_KIND, PRINCIPAL_KIND_LABEL, PRINCIPAL_KIND_TAG, PRINCIPAL_TAG, STRIMZI_CLUSTER_LABEL } from '../contract/vocabulary';
import {
  isAdminKind, isIamActionPattern, isNonAdminAclOperation, kafkaClusterActionsMatching, nonAdminAclOperations, nonAdminIamActions,
} from '../model/access/least-privilege';
import { MSK_IAM_NON_ADMIN_CLUSTER_ACTIONS } from '../model/access/msk-iam-actions';
import { PrincipalKind } from '../model/access/principal';
import type { SynthesizedDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import { oncePer } from '../model/once-per';
import { Findings, shown, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';

/** SEC-005: Least privilege: a producer gets Write (and Describe) on named topics, plus IdempotentWrite on the cluster (IAM: Connect, DescribeCluster, WriteDataIdempotently); a consumer gets Read (and Describe) on named topics and Read on its named consumer group; MirrorMaker 2 may also Describe the cluster; only declared admins get any other cluster-level right. An allow ACL on `*` (any topic or group) for a non-admin is refused in production. Deny ACLs are supported. */
export const SEC_005_LEAST_PRIVILEGE: Rule = defineRule({
  id: 'SEC-005',
  title: 'Least privilege: a producer gets Write (and Describe) on named topics, plus IdempotentWrite on the cluster (IAM: Connect, DescribeCluster, WriteDataIdempotently); a consumer gets Read (and Describe) on named topics and Read on its named consumer group; MirrorMaker 2 may also Describe the cluster; only declared admins get any other cluster-level right. An allow ACL on `*` (any topic or group) for a non-admin is refused in production. Deny ACLs are supported.',
  explanation: 'A principal that can read or write every topic, or alter the cluster, turns one leaked credential into a breach of every data set and a possible outage. Applications get rights on named topics and their own group; cluster-wide rights belong to the declared admins. A non-admin may hold only: Read, Write and Describe on topics, Read and Describe on groups, Write and Describe on transactional ids, IdempotentWrite on the cluster (IAM: Connect, DescribeCluster, WriteDataIdempotently, DescribeTopic, ReadData, WriteData, AlterGroup, DescribeGroup and the transactional-id actions); a MirrorMaker 2 principal also DescribeConfigs, Create, Alter and AlterConfigs on topics and Describe on the cluster. Delete, All and every other right belong to admins. The rule reads what is deployed: Strimzi KafkaUser ACLs, every MSK IAM policy tagged with a principal (every statement: no action pattern such as `*`, `kafka:*` or `kafka-cluster:*`, no NotAction, no action outside kafka-cluster) and any other policy with kafka-cluster statements, and the kafka-acls.sh lines the MSK SCRAM and StatefulSet admin jobs apply. Prefixed patterns are allowed and listed in the report.',
  remediation: "Grant on named topics and groups through the access model (topic.grantProduce(p), topic.grantConsume(p, { group })) or a prefix (access.topicsWithPrefix('orders.')); give cluster rights only to principals declared with access.addAdmin.",
  severity: Severity.ERROR,
  targets: { msk: checkMsk, strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/** One allow or deny, whatever the artefact it came from. */
interface Grant {
  readonly principal: string;
  readonly allow: boolean;
  /** `topic`, `group`, `cluster`, `transactionalId`. */
  readonly resourceType: string;
  readonly name: string;
  readonly prefix: boolean;
  readonly operations: readonly string[];
}

/**
 * The least-privilege checks over the ACL grants of principals of known kinds: wildcards for
 * non-admins (staging and production), and operations beyond the non-admin table of
 * `nonAdminAclOperations` (every environment), with notes for prefixed patterns.
 */
function checkGrants(grants: readonly Grant[], kindOf: (principal: string) => string, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const notes: string[] = [];
  // A KafkaUser of a large platform holds dozens of grants, each compliant: the messages below are
  // written only for a finding.
  const writers = new Set<string>();
  for (const g of grants) {
    if (g.allow && g.resourceType === 'topic' && g.operations.some(isWriteOrAll)) writers.add(g.principal);
  }
  for (const g of grants) {
    if (!g.allow) continue;
    const kind = kindOf(g.principal);
    if (isAdminKind(kind)) continue;
    const label = g.resourceType === 'cluster' ? 'cluster' : `${g.resourceType} ${g.prefix ? 'prefix ' : ''}'${g.name}'`;
    if (g.prefix && g.name !== '') notes.push(`${g.principal} has a prefixed grant: ${g.operations.join(',')} on ${label}`);
    if (g.resourceType === 'cluster') {
      checkClusterOperations(f, g, kind, writers.has(g.principal));
      continue;
    }
    const wildcard = g.prefix ? g.name === '' : g.name === '*';
    if (ctx.environment.isProductionLike && wildcard) {
      f.add({
        found: `non-admin ${g.principal} is allowed ${g.operations.join(',')} on ${label}`,
        expected: `named ${g.resourceType}s or a prefix in ${ctx.environment.profile}`,
        fix: `Grant ${g.principal} named ${g.resourceType}s (topic.grantProduce / grantConsume with a group) or a prefix, or declare it with access.addAdmin.`,
      });
    }
    for (const op of g.operations) {
      if (isNonAdminAclOperation(kind, g.resourceType, op)) continue;
      const allowed = nonAdminAclOperations(kind, g.resourceType);
      f.add({
        found: `non-admin ${g.principal} (${kind}) is allowed ${op} on ${label}`,
        expected: allowed.length > 0
          ? `only ${allowed.join(', ')} on a ${g.resourceType} for a non-admin ${kind}`
          : `no right on resource type '${g.resourceType}' for a non-admin`,
        fix: `Grant ${g.principal} through the access model (topic.grantProduce, topic.grantConsume with a group), remove ${op}, or declare it with access.addAdmin.`,
      });
    }
  }
  return f.outcome([...new Set(notes)]);
}

/** Write or All, in any case: the topic operations that make a principal a producer. */
function isWriteOrAll(operation: string): boolean {
  return /^(write|all)$/i.test(operation);
}

/** Cluster operations of a non-admin: IdempotentWrite for a producer, Describe for MirrorMaker 2, nothing else. */
function checkClusterOperations(f: Findings, g: Grant, kind: string, writer: boolean): void {
  for (const op of g.operations) {
    const idempotentWrite = /^idempotentwrite$/i.test(op) && writer;
    const other = !/^idempotentwrite$/i.test(op) && isNonAdminAclOperation(kind, 'cluster', op);
    if (idempotentWrite || other) continue;
    f.add({
      found: `non-admin ${g.principal} (${kind}) is allowed cluster operation ${op}`,
      expected: 'no cluster right for a non-admin except IdempotentWrite for an idempotent producer and Describe for MirrorMaker 2',
      fix: `Remove the cluster ${op} grant from ${g.principal}, or declare it with access.addAdmin.`,
    });
  }
}

function fromLines(lines: readonly ParsedAclLine[]): Grant[] {
  return lines.map((l) => ({
    principal: l.principal, allow: l.permission === 'allow', resourceType: l.resourceType, name: l.name,
    prefix: l.patternType === 'prefix', operations: l.operations,
  }));
}

function checkAclText(text: unknown, ctx: RuleContext, declaredAdmins?: ReadonlySet<string>): RuleOutcome {
  const parsed = parseAclLines(typeof text === 'string' ? text : '');
  // With the cluster's declared admins at hand, an `admin` comment alone does not make one.
  const undeclared = (p: string) => declaredAdmins !== undefined && !declaredAdmins.has(p.replace(/^User:/, ''));
  const kindOf = (p: string) => {
    const kind = parsed.kinds.get(p) ?? 'application';
    return isAdminKind(kind) && undeclared(p) ? 'application' : kind;
  };
  const outcome = checkGrants(fromLines(parsed.acls), kindOf, ctx);
  const relabelled = [...parsed.kinds].filter(([p, kind]) => isAdminKind(kind) && undeclared(p)).map(([p]) => p);
  if (outcome.status !== 'non-compliant' || relabelled.length === 0) return outcome;
  return {
    status: 'non-compliant',
    findings: outcome.findings.map((finding) => {
      const who = relabelled.find((p) => finding.found.includes(` ${p} `));
      return who ? { ...finding, found: `${finding.found} (marked admin in the artefact, but not a declared admin of the cluster, so checked as an application)` } : finding;
    }),
  };
}

/** The admins the StatefulSet clusters of a synthesis declare (their node ConfigMaps' annotation); undefined when none is there. */
function statefulSetDeclaredAdmins(ctx: RuleContext): ReadonlySet<string> | undefined {
  const declared = ctx.index.kubernetes('ConfigMap')
    .map((c) => c.body.metadata?.annotations?.[DECLARED_ADMINS_ANNOTATION])
    .filter((v): v is string => typeof v === 'string');
  if (declared.length === 0) return undefined;
  return new Set(declared.flatMap((v) => v.split(',').map((a) => a.trim()).filter((a) => a !== '')));
}

const CLUSTER_ACTIONS = new Set([
  'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:AlterCluster',
  'kafka-cluster:DescribeClusterDynamicConfiguration', 'kafka-cluster:AlterClusterDynamicConfiguration',
  'kafka-cluster:WriteDataIdempotently',
].map((a) => a.toLowerCase()));

interface IamStatement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** `NotAction` / `NotResource` (`not_actions` / `not_resources`): an Allow with them grants everything not listed. */
  readonly negated: readonly string[];
}

/** The statements of an aws_iam_policy: its policy JSON, or the aws_iam_policy_document it references. */
function iamStatements(doc: SynthesizedDocument, ctx: RuleContext): IamStatement[] | undefined {
  const policy = doc.body.policy;
  const referenced = ctx.index.resolve(policy);
  if (referenced?.type === 'data.aws_iam_policy_document') {
    return asArray(referenced.body.statement).map((s: any) => ({
      effect: String(s.effect ?? 'Allow'), actions: asArray(s.actions).map(String), resources: asArray(s.resources).map(String),
      negated: [s.not_actions === undefined ? '' : 'NotAction', s.not_resources === undefined ? '' : 'NotResource'].filter((x) => x !== ''),
    }));
  }
  if (typeof policy !== 'string') return undefined;
  try {
    const json = JSON.parse(policy);
    return asArray(json.Statement).map((s: any) => ({
      effect: String(s.Effect ?? ''), actions: asArray(s.Action).map(String), resources: asArray(s.Resource).map(String),
      negated: ['NotAction', 'NotResource'].filter((k) => s[k] !== undefined),
    }));
  } catch {
    return undefined;
  }
}

function asArray(v: unknown): any[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Whether an IAM statement can grant a kafka-cluster action (a named one, a pattern such as `*`, or NotAction). */
function grantsKafkaCluster(s: IamStatement): boolean {
  return s.negated.includes('NotAction') || s.actions.some((a) => kafkaClusterActionsMatching(a).length > 0);
}

/**
 * Whether an IAM resource matches every resource of its kind: `*`, or an ARN whose last
 * segment (after `/` or `:`) is empty or only wildcards (`.../topic/c/u/*`, `arn:aws:kafka:r:a:*`).
 */
function isWildcardResource(r: string): boolean {
  return /(^|[/:])[*?]*$/.test(r);
}

/** Whether the resource name holds a wildcard other than one trailing `*` after a prefix (`*.orders`, `ord?rs`). */
function isNamePattern(r: string): boolean {
  const name = r.slice(r.lastIndexOf('/') + 1);
  return /[*?]/.test(name.endsWith('*') ? name.slice(0, -1) : name);
}

/**
 * MSK: every aws_iam_policy that carries the principal tags (all its statements), any other
 * policy with kafka-cluster statements, and the SCRAM ACL lines of the admin artefact.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'terraform') return NOT_APPLICABLE;
  if (doc.type === 'terraform_data') {
    if (doc.body.input?.kind !== KAFKA_ADMIN_ARTEFACT_KIND) return NOT_APPLICABLE;
    const acls = doc.body.input?.acls;
    // The artefact as apply.sh gets it: Terraform reads $${ as ${.
    return checkAclText(typeof acls === 'string' ? terraformText(acls) : acls, ctx, mskDeclaredAdmins(ctx.index));
  }
  if (doc.type !== 'aws_iam_policy') return NOT_APPLICABLE;
  const tags = doc.body.tags ?? {};
  const tagged = tags[PRINCIPAL_TAG] !== undefined || tags[PRINCIPAL_KIND_TAG] !== undefined;
  const raw = typeof doc.body.policy === 'string' ? doc.body.policy : '';
  const statements = iamStatements(doc, ctx);
  const f = new Findings();
  if (statements === undefined) {
    if (!tagged && !/kafka-cluster:/i.test(raw)) return NOT_APPLICABLE;
    f.add({
      found: 'policy is not a JSON document or an aws_iam_policy_document reference',
      expected: 'a policy SEC-005 can read', fix: 'Render the policy with MskAccess, or write it as literal JSON.',
    });
    return f.outcome();
  }
  const checked = tagged ? statements : statements.filter(grantsKafkaCluster);
  if (checked.length === 0) return NOT_APPLICABLE;
  const who = String(tags[PRINCIPAL_TAG] ?? doc.name);
  const taggedKind = String(tags[PRINCIPAL_KIND_TAG] ?? 'application');
  // An admin tag counts only for an admin the cluster's access model declares (its tag).
  const declared = mskDeclaredAdmins(ctx.index);
  const relabelled = isAdminKind(taggedKind) && declared !== undefined && !declared.has(who);
  const kind = relabelled ? 'application' : taggedKind;
  if (isAdminKind(kind)) return { status: 'compliant', notes: [`${who} is a declared admin with cluster-wide rights`] };
  if (relabelled) {
    const outcome = checkIamStatements(ctx, checked, kind, who, tagged);
    if (outcome.status !== 'non-compliant') return outcome;
    return { status: 'non-compliant', findings: outcome.findings.map((finding) => ({ ...finding, found: `${finding.found} (tagged admin, but not a declared admin of the cluster, so checked as an application)` })) };
  }
  return checkIamStatements(ctx, checked, kind, who, tagged);
}

/**
 * The admins the MSK clusters of a synthesis declare (their `kafka-iac:declared-admins` tag);
 * undefined when none carries it. Asked for every IAM policy: read once per document index.
 */
const mskDeclaredAdmins = oncePer((index: DocumentIndex): ReadonlySet<string> | undefined => {
  const declared = index.terraform('aws_msk_cluster')
    .map((c) => c.body.tags?.[DECLARED_ADMINS_TAG])
    .filter((v): v is string => typeof v === 'string');
  return declared.length === 0 ? undefined : new Set(declared.flatMap((v) => v.split(/\s+/).filter((a) => a !== '')));
});

/** The statements of a non-admin's policy: only named kafka-cluster actions of its kind, on named resources. */
function checkIamStatements(ctx: RuleContext, checked: readonly IamStatement[], kind: string, who: string, tagged: boolean): RuleOutcome {
  const f = new Findings();
  const allowed = lowerCaseNonAdminIamActions(kind);
  const notes: string[] = [];
  for (const s of checked) {
    if (s.effect === 'Deny') continue;
    for (const n of s.negated) {
      f.add({
        found: `non-admin ${who} has an Allow statement with ${n}, which grants everything it does not list`,
        expected: 'Action and Resource lists of named kafka-cluster actions and resources',
        fix: `Grant ${who} through the access model (grantProduce / grantConsume), or declare it with access.addAdmin.`,
      });
    }
    for (const a of s.actions) checkIamAction(f, a, who, kind, tagged, allowed);
    for (const r of s.resources) {
      const wildcard = isWildcardResource(r);
      if (ctx.environment.isProductionLike) {
        f.expect(!wildcard, {
          found: `non-admin ${who} is allowed ${s.actions.join(',')} on resource '${r}'`,
          expected: `named topic, group and transactional-id ARNs (or a prefix) in ${ctx.environment.profile}`,
          fix: `Grant ${who} named topics and groups through the access model, or declare it with access.addAdmin.`,
        });
      }
      if (wildcard) continue;
      const pattern = isNamePattern(r);
      if (pattern && kind !== PrincipalKind.MIRROR_MAKER_2 && ctx.environment.isProductionLike) {
        f.add({
          found: `non-admin ${who} is allowed ${s.actions.join(',')} on resource pattern '${r}'`,
          expected: `a named resource or a prefix (one trailing *) in ${ctx.environment.profile}`,
          fix: `Grant ${who} named topics or a prefix through the access model (access.topicsWithPrefix('orders.')).`,
        });
        continue;
      }
      if (pattern || r.endsWith('*')) notes.push(`${who} has a prefixed grant on '${r}'`);
    }
  }
  return f.outcome(notes);
}

/** `nonAdminIamActions(kind)` in lower case, made once per table (the actions are the same for every policy of a kind). */
function lowerCaseNonAdminIamActions(kind: string): ReadonlySet<string> {
  return lowerCaseActions(nonAdminIamActions(kind));
}

const lowerCaseActions = oncePer((actions: readonly string[]): ReadonlySet<string> => new Set(actions.map((a) => a.toLowerCase())));

/**
 * One action of an Allow statement: no pattern (`*`, `kafka-cluster:*`, `kafka:*`), only
 * kafka-cluster actions on a principal's tagged policy, and only the non-admin actions.
 */
function checkIamAction(f: Findings, action: string, who: string, kind: string, tagged: boolean, allowed: ReadonlySet<string>): void {
  if (isIamActionPattern(action)) {
    f.add({
      found: `non-admin ${who} is allowed wildcard action ${action}`,
      expected: 'named kafka-cluster actions for a non-admin',
      fix: `Grant ${who} through the access model (grantProduce / grantConsume), or declare it with access.addAdmin.`,
    });
    return;
  }
  const a = action.toLowerCase();
  if (!a.startsWith('kafka-cluster:')) {
    f.expect(!tagged, {
      found: `non-admin ${who} is allowed ${action}, which is not a kafka-cluster action`,
      expected: "only kafka-cluster actions in a Kafka principal's policy",
      fix: `Remove ${action} from ${who}'s Kafka policy and grant it in a separate policy of its own, or declare it with access.addAdmin.`,
    });
    return;
  }
  if (allowed.has(a)) return;
  if (CLUSTER_ACTIONS.has(a)) {
    f.add({
      found: `non-admin ${who} is allowed cluster action ${action}`,
      expected: `only ${MSK_IAM_NON_ADMIN_CLUSTER_ACTIONS.join(', ')} on the cluster for a non-admin`,
      fix: `Remove ${action} from ${who}'s policy, or declare it with access.addAdmin.`,
    });
    return;
  }
  f.add({
    found: `non-admin ${who} (${kind}) is allowed ${action}`,
    expected: `only ${nonAdminIamActions(kind).join(', ')} for a non-admin ${kind}`,
    fix: `Remove ${action} from ${who}'s policy (grant through the access model), or declare it with access.addAdmin.`,
  });
}

/** Strimzi: the ACLs of a KafkaUser, with its kind from the `kafka-iac.dev/principal-kind` label. */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'KafkaUser') return NOT_APPLICABLE;
  const kind = String(doc.body.metadata?.labels?.[PRINCIPAL_KIND_LABEL] ?? 'application');
  const acls = asArray(doc.body.spec?.authorization?.acls);
  const grants: Grant[] = acls.map((a: any) => ({
    principal: doc.name, allow: (a.type ?? 'allow') === 'allow', resourceType: String(a.resource?.type ?? ''),
    name: String(a.resource?.name ?? (a.resource?.type === 'cluster' ? 'kafka-cluster' : '')),
    prefix: a.resource?.patternType === 'prefix', operations: asArray(a.operations).map(String),
  }));
  if (!isAdminKind(kind)) return checkGrants(grants, () => kind, ctx);
  // The label alone does not make an admin: the Kafka of the user must list it as a super user
  // (the declared admins). A user labelled admin that is not one is checked as an application,
  // so relabelling a KafkaUser cannot widen its ACLs unnoticed.
  const clusterName = doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
  const kafka = typeof clusterName === 'string'
    ? ctx.index.kubernetesByName('Kafka', clusterName, doc.body.metadata?.namespace) ?? ctx.index.kubernetes('Kafka').find((k) => k.name === clusterName)
    : undefined;
  if (!kafka) return { status: 'compliant', notes: [`${doc.name} is labelled admin; its Kafka ${shown(clusterName)} is not in this synthesis, so its super users cannot be compared`] };
  const superUsers = asArray(kafka.body.spec?.kafka?.authorization?.superUsers).map(String);
  if (superUsers.includes(doc.name) || superUsers.includes(`CN=${doc.name}`)) {
    return { status: 'compliant', notes: [`${doc.name} is a declared admin (a super user of Kafka ${kafka.name}) with cluster-wide rights`] };
  }
  const asApplication = checkGrants(grants, () => 'application', ctx);
  if (asApplication.status !== 'non-compliant') return asApplication;
  return {
    status: 'non-compliant',
    findings: asApplication.findings.map((finding) => ({
      ...finding,
      found: `${finding.found} (labelled ${PRINCIPAL_KIND_LABEL}=admin, but not a super user of Kafka ${kafka.name}, so checked as an application)`,
    })),
  };
}

/** StatefulSet: the kafka-acls.sh lines of the admin Job's ConfigMap. */
function checkStatefulSet(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'ConfigMap') return NOT_APPLICABLE;
  if (doc.body.metadata?.labels?.[ACL_ARTEFACT_LABEL] !== 'true') return NOT_APPLICABLE;
  return checkAclText(doc.body.data?.['acls.txt'], ctx, statefulSetDeclaredAdmins(ctx));
}
