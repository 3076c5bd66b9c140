import { AclOperation, AclPatternType, AclPermission, AclResourceType, type AclEntry } from '../model/access/acl';
import type { AccessModel } from '../model/access/access-model';
import { PrincipalKind } from '../model/access/principal';
import { AuthenticationMechanism } from '../model/client-authentication';

/**
 * The artefact format an admin job applies with the Kafka admin tools: one line per
 * `kafka-acls.sh` or `kafka-topics.sh` call, holding that call's arguments. Comment lines
 * `# principal <User:x> <kind>` declare each principal's kind, which SEC-005 reads.
 *
 * The same text is what the job runs and what SEC-005 checks, so a rule cannot approve
 * something other than what gets applied. Names never contain spaces or shell
 * metacharacters other than `*`; the job runs with globbing off (`set -f`).
 */

/** One parsed `kafka-acls.sh --add` line. */
export interface ParsedAclLine {
  /** `User:orders` or `User:CN=orders`. */
  readonly principal: string;
  readonly permission: AclPermission;
  readonly resourceType: AclResourceType;
  /** Resource name; `kafka-cluster` for the cluster. */
  readonly name: string;
  readonly patternType: AclPatternType;
  readonly operations: readonly string[];
  /** The line as written. */
  readonly line: string;
}

/** The parsed ACL artefact: the principals' kinds and the ACL lines. */
export interface ParsedAclArtefact {
  /** Kafka principal → kind (`admin`, `application`, `mirror-maker-2`). */
  readonly kinds: ReadonlyMap<string, string>;
  readonly acls: readonly ParsedAclLine[];
}

const RESOURCE_FLAGS: Readonly<Record<AclResourceType, string>> = {
  [AclResourceType.TOPIC]: '--topic',
  [AclResourceType.GROUP]: '--group',
  [AclResourceType.CLUSTER]: '--cluster',
  [AclResourceType.TRANSACTIONAL_ID]: '--transactional-id',
};

/** `kafka-acls.sh` arguments for one entry. */
export function aclCommandLine(kafkaPrincipal: string, entry: AclEntry): string {
  const who = entry.permission === AclPermission.DENY ? '--deny-principal' : '--allow-principal';
  const ops = entry.operations.map((o) => `--operation ${o}`).join(' ');
  const flag = RESOURCE_FLAGS[entry.resource.type];
  const resource = entry.resource.type === AclResourceType.CLUSTER ? flag : `${flag} ${entry.resource.name}`;
  const pattern = entry.resource.patternType === AclPatternType.PREFIX ? 'prefixed' : 'literal';
  return `--add ${who} ${kafkaPrincipal} ${ops} ${resource} --resource-pattern-type ${pattern}`;
}

/**
 * The ACL lines of every principal that Kafka ACLs govern (SCRAM, mutual TLS, OAuth). IAM
 * principals are skipped: IAM policies govern them.
 */
export function renderAclLines(model: AccessModel): string {
  const principals = model.principals.filter((p) => p.authentication.mechanism !== AuthenticationMechanism.IAM);
  const lines = [`# kafka-iac ACLs of ${model.name}: one line = the arguments of one kafka-acls.sh call.`];
  for (const p of principals) lines.push(`# principal ${p.kafkaPrincipal} ${p.kind}`);
  for (const p of principals) for (const e of p.acls) lines.push(aclCommandLine(p.kafkaPrincipal, e));
  return lines.join('\n') + '\n';
}

/** The `kafka-topics.sh --create` lines of every declared topic. */
export function renderTopicLines(model: AccessModel): string {
  const lines = [`# kafka-iac topics of ${model.name}: one line = the arguments of one kafka-topics.sh call.`];
  for (const t of model.topics) {
    const config = Object.entries(t.settings.config).map(([k, v]) => ` --config ${k}=${v}`).join('');
    lines.push(`--create --if-not-exists --topic ${t.name} --partitions ${t.partitions} --replication-factor ${t.replicationFactor}${config}`);
  }
  return lines.join('\n') + '\n';
}

/** Parses an ACL artefact written by `renderAclLines` (or edited afterwards). */
export function parseAclLines(text: string): ParsedAclArtefact {
  const kinds = new Map<string, string>();
  const acls: ParsedAclLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const kind = /^#\s*principal\s+(\S+)\s+(\S+)/.exec(line);
    if (kind) {
      kinds.set(kind[1], kind[2]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const words = line.split(/\s+/);
    let principal = '';
    let permission = AclPermission.ALLOW;
    let resourceType: AclResourceType | undefined;
    let name = '';
    let patternType = AclPatternType.LITERAL;
    const operations: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const next = words[i + 1] ?? '';
      switch (w) {
        case '--allow-principal': principal = next; permission = AclPermission.ALLOW; i++; break;
        case '--deny-principal': principal = next; permission = AclPermission.DENY; i++; break;
        case '--operation': operations.push(next); i++; break;
        case '--topic': resourceType = AclResourceType.TOPIC; name = next; i++; break;
        case '--group': resourceType = AclResourceType.GROUP; name = next; i++; break;
        case '--transactional-id': resourceType = AclResourceType.TRANSACTIONAL_ID; name = next; i++; break;
        case '--cluster': resourceType = AclResourceType.CLUSTER; name = 'kafka-cluster'; break;
        case '--resource-pattern-type': patternType = next === 'prefixed' || next === 'prefix' ? AclPatternType.PREFIX : AclPatternType.LITERAL; i++; break;
        default: break;
      }
    }
    if (resourceType === undefined || principal === '') continue;
    acls.push({ principal, permission, resourceType, name, patternType, operations, line });
  }
  return { kinds, acls };
}

/** The kinds a principal may have in an ACL artefact. */
export const PRINCIPAL_KINDS: readonly string[] = Object.values(PrincipalKind);

/** Operation names accepted in ACL lines. */
export const ACL_OPERATION_NAMES: readonly string[] = Object.values(AclOperation);

/**
 * One `kafka-topics.sh` call of an admin artefact's topic lines (the StatefulSet admin Job's
 * `topics.txt`, the MSK admin artefact's `input.topics`). Numbers are kept as written, so a
 * rule can show a value that is not a number.
 */
export interface TopicLine {
  readonly topic: string;
  /** `--partitions` as written; undefined when the line leaves it to the broker default. */
  readonly partitions?: string;
  /** `--replication-factor` as written; undefined when the line leaves it to the broker default. */
  readonly replicationFactor?: string;
  /** Every `--config key=value`. */
  readonly config: Readonly<Record<string, string>>;
  /** The 1-based line number in the text. */
  readonly line: number;
}

/**
 * Parses topic lines as `renderTopicLines` writes them (or as edited afterwards): one
 * `kafka-topics.sh` call per line, blank lines and `#` comments skipped, lines without
 * `--topic` ignored.
 */
export function parseTopicLines(text: string): TopicLine[] {
  const out: TopicLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const topic = /--topic\s+(\S+)/.exec(line)?.[1];
    if (!topic) return;
    const config: Record<string, string> = {};
    for (const m of line.matchAll(/--config\s+([^=\s]+)=(\S*)/g)) config[m[1]] = m[2];
    out.push({
      topic,
      partitions: /--partitions\s+(\S+)/.exec(line)?.[1],
      replicationFactor: /--replication-factor\s+(\S+)/.exec(line)?.[1],
      config,
      line: i + 1,
    });
  });
  return out;
}
