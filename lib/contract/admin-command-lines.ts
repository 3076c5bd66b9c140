import { AclOperation, AclPatternType, AclPermission, AclResourceType, type AclEntry } from '../model/access/acl';
import type { AccessModel } from '../model/access/access-model';
import { PrincipalKind } from '../model/access/principal';
import { AuthenticationMechanism } from '../model/client-authentication';
import { decodeArgumentLine, encodeArgumentLine } from './writers/shell';

/**
 * The artefact format an admin job applies with the Kafka admin tools: one line per
 * `kafka-acls.sh` or `kafka-topics.sh` call, holding that call's arguments. Comment lines
 * `# principal <User:x> <kind>` declare each principal's kind, which SEC-005 reads.
 *
 * The same text is what the job runs and what SEC-005 checks, so a rule cannot approve
 * something other than what gets applied. Lines are written and read in the argument-line
 * format of `writers/shell.ts`: a name holding spaces, quotes or `$()` stays one argument, and
 * the parser reads each line the way the script's `read -r -a` and `printf '%b'` do.
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
export function aclArguments(kafkaPrincipal: string, entry: AclEntry): string[] {
  const who = entry.permission === AclPermission.DENY ? '--deny-principal' : '--allow-principal';
  const ops = entry.operations.flatMap((o) => ['--operation', o]);
  const flag = RESOURCE_FLAGS[entry.resource.type];
  const resource = entry.resource.type === AclResourceType.CLUSTER ? [flag] : [flag, entry.resource.name];
  const pattern = entry.resource.patternType === AclPatternType.PREFIX ? 'prefixed' : 'literal';
  return ['--add', who, kafkaPrincipal, ...ops, ...resource, '--resource-pattern-type', pattern];
}

/** One `kafka-acls.sh` line (argument-line format) for one entry. */
export function aclCommandLine(kafkaPrincipal: string, entry: AclEntry): string {
  return encodeArgumentLine(aclArguments(kafkaPrincipal, entry));
}

/** A comment line: control characters (which would end the comment) shown as spaces. */
function comment(text: string): string {
  // Stryker disable next-line StringLiteral: the model's names refuse control characters, so no comment written here holds one (a second guard)
  return `# ${text.replace(/[\x00-\x1f\x7f]/g, ' ')}`; // eslint-disable-line no-control-regex -- control characters are matched on purpose, to show them as spaces
}

/**
 * The ACL lines of every principal that Kafka ACLs govern (SCRAM, mutual TLS, OAuth). IAM
 * principals are skipped: IAM policies govern them.
 */
export function renderAclLines(model: AccessModel): string {
  const principals = model.principals.filter((p) => p.authentication.mechanism !== AuthenticationMechanism.IAM);
  const lines = [comment(`kafka-iac ACLs of ${model.name}: one line = the arguments of one kafka-acls.sh call.`)];
  for (const p of principals) lines.push(`# principal ${encodeArgumentLine([p.kafkaPrincipal])} ${p.kind}`);
  for (const p of principals) for (const e of p.acls) lines.push(aclCommandLine(p.kafkaPrincipal, e));
  return lines.join('\n') + '\n';
}

/** The `kafka-topics.sh --create` lines of every declared topic. */
export function renderTopicLines(model: AccessModel): string {
  const lines = [comment(`kafka-iac topics of ${model.name}: one line = the arguments of one kafka-topics.sh call.`)];
  for (const t of model.topics) {
    const config = Object.entries(t.settings.config).flatMap(([k, v]) => ['--config', `${k}=${v}`]);
    lines.push(encodeArgumentLine(['--create', '--if-not-exists', '--topic', t.name,
      '--partitions', String(t.partitions), '--replication-factor', String(t.replicationFactor), ...config]));
  }
  return lines.join('\n') + '\n';
}

/**
 * Parses an ACL artefact written by `renderAclLines` (or edited afterwards) the way the job and
 * `kafka-acls.sh` read it: each line decoded as the script decodes it, options also written
 * `--opt=value`, and every value of a repeated option kept (kafka-acls.sh applies the cross
 * product of its principals and resources). `--producer`, `--consumer` and `--idempotent` give
 * the operations kafka-acls.sh adds for them. One parsed line per principal and resource.
 */
export function parseAclLines(text: string): ParsedAclArtefact {
  const kinds = new Map<string, string>();
  const acls: ParsedAclLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const kind = /^#\s*principal\s+(\S+)\s+(\S+)/.exec(line);
    if (kind) {
      kinds.set(decodeArgumentLine(kind[1])?.[0] ?? kind[1], kind[2]);
      continue;
    }
    const args = decodeArgumentLine(raw);
    if (args === undefined) continue;
    acls.push(...aclsOfCall(args, line));
  }
  return { kinds, acls };
}

const VALUE_OPTIONS = new Set(['--allow-principal', '--deny-principal', '--operation', '--topic', '--group',
  '--transactional-id', '--resource-pattern-type', '--allow-host', '--deny-host', '--bootstrap-server',
  '--command-config', '--delegation-token', '--user-principal', '--bootstrap-controller', '--principal']);

/**
 * One tool call's arguments read as its option parser (joptsimple) reads them: the values of the
 * options that take one (`--opt value` or `--opt=value`, split at the first `=`), every value of
 * a repeated option kept in order, and the other arguments as flags.
 */
function readOptions(args: readonly string[], valueOptions: ReadonlySet<string>): { all: (option: string) => string[]; flags: ReadonlySet<string> } {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is no option and adds only an unread flag
  for (let i = 0; i < args.length; i++) {
    // `.*` with the s flag takes the rest of the argument, line breaks included.
    const inline = /^(--[^=]+)=(.*)/s.exec(args[i]);
    const option = inline ? inline[1] : args[i];
    if (!valueOptions.has(option)) {
      flags.add(option);
      continue;
    }
    const value = inline ? inline[2] : args[++i] ?? '';
    values.set(option, [...(values.get(option) ?? []), value]);
  }
  return { all: (option) => values.get(option) ?? [], flags };
}

/** The ACLs one `kafka-acls.sh` call adds. */
function aclsOfCall(args: readonly string[], line: string): ParsedAclLine[] {
  const { all, flags } = readOptions(args, VALUE_OPTIONS);
  // The last --resource-pattern-type counts; kafka-acls.sh's default is literal.
  const patternType = all('--resource-pattern-type').slice(-1).some((p) => /^prefix(ed)?$/i.test(p)) ? AclPatternType.PREFIX : AclPatternType.LITERAL;
  const resources: { type: AclResourceType; name: string; ops: string[] }[] = [];
  const cli = all('--operation');
  const add = (type: AclResourceType, names: readonly string[], ops: string[]) => names.forEach((name) => resources.push({ type, name, ops }));
  const producer = flags.has('--producer');
  const consumer = flags.has('--consumer');
  if (!producer && !consumer) {
    add(AclResourceType.TOPIC, all('--topic'), cli);
    add(AclResourceType.GROUP, all('--group'), cli);
    add(AclResourceType.TRANSACTIONAL_ID, all('--transactional-id'), cli);
    if (flags.has('--cluster')) add(AclResourceType.CLUSTER, ['kafka-cluster'], cli);
  }
  if (producer) {
    add(AclResourceType.TOPIC, all('--topic'), ['Write', 'Describe', 'Create']);
    add(AclResourceType.TRANSACTIONAL_ID, all('--transactional-id'), ['Write', 'Describe']);
    if (flags.has('--idempotent') || all('--transactional-id').length > 0) add(AclResourceType.CLUSTER, ['kafka-cluster'], ['IdempotentWrite']);
  }
  if (consumer) {
    add(AclResourceType.TOPIC, all('--topic'), ['Read', 'Describe']);
    add(AclResourceType.GROUP, all('--group'), ['Read']);
  }
  const principals = [
    ...all('--allow-principal').map((p) => ({ principal: p, permission: AclPermission.ALLOW })),
    ...all('--deny-principal').map((p) => ({ principal: p, permission: AclPermission.DENY })),
  ].filter((p) => p.principal !== '');
  return principals.flatMap((p) => resources.map((r) => ({
    principal: p.principal, permission: p.permission, resourceType: r.type, name: r.name, patternType, operations: r.ops, line,
  })));
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
    const args = decodeArgumentLine(raw);
    if (args === undefined) return;
    const { all } = readOptions(args, TOPIC_VALUE_OPTIONS);
    const topic = all('--topic').at(-1);
    if (!topic) return;
    const config: Record<string, string> = {};
    for (const c of all('--config')) {
      const at = c.indexOf('=');
      if (at > 0) config[c.slice(0, at)] = c.slice(at + 1);
    }
    out.push({
      topic,
      partitions: all('--partitions').at(-1),
      replicationFactor: all('--replication-factor').at(-1),
      config,
      line: i + 1,
    });
  });
  return out;
}

const TOPIC_VALUE_OPTIONS = new Set(['--topic', '--partitions', '--replication-factor', '--config',
  '--bootstrap-server', '--command-config', '--replica-assignment', '--bootstrap-controller']);
