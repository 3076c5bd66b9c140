// The admin artefact lines (lib/contract/admin-command-lines.ts): written in the argument-line
// format of writers/shell.ts, and parsed the way the admin job and the Kafka tools read them, so
// that SEC-005 checks what gets applied. kafka-acls.sh semantics from Kafka's AclCommand
// (tools/src/main/java/org/apache/kafka/tools/AclCommand.java, getResourceFilterToAcls):
// without --producer or --consumer the ACLs come from --operation; --producer gives Write,
// Describe, Create on topics, Write, Describe on transactional ids, and IdempotentWrite on the
// cluster with --idempotent or a transactional id; --consumer gives Read, Describe on topics and
// Read on groups; both may be given; every principal gets every resource.
import { describe, expect, it } from 'vitest';
import { aclArguments, aclCommandLine, parseAclLines, parseTopicLines, renderAclLines, renderTopicLines } from '../../lib/contract/admin-command-lines';
import { AclOperation, AclPatternType, AclPermission, AclResource, AclResourceType } from '../../lib/model/access/acl';
import { iam, productionEnv, sampleModel } from '../support/access-fixtures';

const acl = (line: string) => parseAclLines(line).acls.map(({ principal, permission, resourceType, name, patternType, operations }) => ({ principal, permission, resourceType, name, patternType, operations }));
const allow = (principal: string, resourceType: AclResourceType, name: string, operations: readonly string[], patternType = AclPatternType.LITERAL) =>
  ({ principal, permission: AclPermission.ALLOW, resourceType, name, patternType, operations });

describe('aclArguments and aclCommandLine', () => {
  it('write one kafka-acls.sh call: permission, principal, operations, resource and pattern', () => {
    expect(aclArguments('User:a', { principal: 'a', permission: AclPermission.ALLOW, resource: AclResource.topic('orders'), operations: [AclOperation.READ, AclOperation.DESCRIBE] }))
      .toEqual(['--add', '--allow-principal', 'User:a', '--operation', 'Read', '--operation', 'Describe', '--topic', 'orders', '--resource-pattern-type', 'literal']);
    expect(aclArguments('User:a', { principal: 'a', permission: AclPermission.DENY, resource: AclResource.groupPrefix('g.'), operations: [AclOperation.READ] }))
      .toEqual(['--add', '--deny-principal', 'User:a', '--operation', 'Read', '--group', 'g.', '--resource-pattern-type', 'prefixed']);
    expect(aclArguments('User:a', { principal: 'a', permission: AclPermission.ALLOW, resource: AclResource.cluster(), operations: [AclOperation.IDEMPOTENT_WRITE] }))
      .toEqual(['--add', '--allow-principal', 'User:a', '--operation', 'IdempotentWrite', '--cluster', '--resource-pattern-type', 'literal']);
    expect(aclArguments('User:a', { principal: 'a', permission: AclPermission.ALLOW, resource: AclResource.transactionalId('tx'), operations: [AclOperation.WRITE] }))
      .toContain('--transactional-id');
  });

  it('keep a name with spaces, quotes and $() one argument', () => {
    const line = aclCommandLine('User:a', { principal: 'a', permission: AclPermission.ALLOW, resource: AclResource.transactionalId('tx --topic * $(x) "q"'), operations: [AclOperation.WRITE] });
    expect(acl(line)).toEqual([allow('User:a', AclResourceType.TRANSACTIONAL_ID, 'tx --topic * $(x) "q"', ['Write'])]);
  });
});

describe('renderAclLines and renderTopicLines', () => {
  it('write a comment, the principals\' kinds, then one line per ACL, which parse back to the model\'s ACLs', () => {
    const model = sampleModel(productionEnv());
    const text = renderAclLines(model);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# kafka-iac ACLs of production/access: one line = the arguments of one kafka-acls.sh call.');
    expect(lines.slice(1, 4)).toEqual(['# principal User:checkout application', '# principal User:billing application', '# principal User:kafka-admin admin']);
    expect(lines[4]).toBe('--add --allow-principal User:checkout --operation Write --operation Describe --topic orders --resource-pattern-type literal');
    expect(text.endsWith('literal\n')).toBe(true);
    const parsed = parseAclLines(text);
    expect([...parsed.kinds]).toEqual([['User:checkout', 'application'], ['User:billing', 'application'], ['User:kafka-admin', 'admin']]);
    const expected = model.principals.flatMap((p) => p.acls.map((e) => allow(p.kafkaPrincipal, e.resource.type, e.resource.type === AclResourceType.CLUSTER ? 'kafka-cluster' : e.resource.name, e.operations, e.resource.patternType)));
    expect(parsed.acls.map(({ line: _l, ...a }) => a)).toEqual(expected);
  });

  it('write no ACL line for IAM principals (IAM policies govern them)', () => {
    expect(renderAclLines(sampleModel(productionEnv(), iam))).toBe('# kafka-iac ACLs of production/access: one line = the arguments of one kafka-acls.sh call.\n');
  });

  it('write one kafka-topics.sh --create line per topic, which parses back', () => {
    const text = renderTopicLines(sampleModel(productionEnv()));
    expect(text).toBe([
      '# kafka-iac topics of production/access: one line = the arguments of one kafka-topics.sh call.',
      '--create --if-not-exists --topic orders --partitions 12 --replication-factor 3',
      '--create --if-not-exists --topic order-state --partitions 6 --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=compact',
      '',
    ].join('\n'));
    expect(parseTopicLines(text)).toEqual([
      { topic: 'orders', partitions: '12', replicationFactor: '3', config: {}, line: 2 },
      { topic: 'order-state', partitions: '6', replicationFactor: '3', config: { 'min.insync.replicas': '2', 'cleanup.policy': 'compact' }, line: 3 },
    ]);
  });
});

describe('parseAclLines', () => {
  it('reads principal kinds from comment lines, however spaced, the principal decoded', () => {
    const { kinds, acls } = parseAclLines('#principal User:a admin\n   #   principal   User:b\\x20c   application  \n# principal #x mirror-maker-2\n# principal\n# other comment\n');
    expect([...kinds]).toEqual([['User:a', 'admin'], ['User:b c', 'application'], ['#x', 'mirror-maker-2']]);
    expect(acls).toEqual([]);
  });

  it('reads --operation ACLs on every resource kind, with the line each came from', () => {
    const line = '--add --allow-principal User:a --operation Read --operation Describe --topic t --group g --transactional-id x --cluster';
    expect(acl(line)).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't', ['Read', 'Describe']),
      allow('User:a', AclResourceType.GROUP, 'g', ['Read', 'Describe']),
      allow('User:a', AclResourceType.TRANSACTIONAL_ID, 'x', ['Read', 'Describe']),
      allow('User:a', AclResourceType.CLUSTER, 'kafka-cluster', ['Read', 'Describe']),
    ]);
    expect(parseAclLines(`  ${line}  \n`).acls.map((a) => a.line)).toEqual([line, line, line, line]);
  });

  it('reads options written --opt=value, keeps every value of a repeated option, and gives every principal every resource', () => {
    expect(acl('--add --allow-principal=User:a --deny-principal User:b --operation=Write --topic=t1 --topic t2')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't1', ['Write']),
      allow('User:a', AclResourceType.TOPIC, 't2', ['Write']),
      { ...allow('User:b', AclResourceType.TOPIC, 't1', ['Write']), permission: AclPermission.DENY },
      { ...allow('User:b', AclResourceType.TOPIC, 't2', ['Write']), permission: AclPermission.DENY },
    ]);
  });

  it('gives --producer and --consumer the operations kafka-acls.sh adds for them', () => {
    expect(acl('--add --allow-principal User:a --producer --topic t')).toEqual([allow('User:a', AclResourceType.TOPIC, 't', ['Write', 'Describe', 'Create'])]);
    expect(acl('--add --allow-principal User:a --producer --idempotent --topic t')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't', ['Write', 'Describe', 'Create']),
      allow('User:a', AclResourceType.CLUSTER, 'kafka-cluster', ['IdempotentWrite']),
    ]);
    expect(acl('--add --allow-principal User:a --producer --topic t --transactional-id x --operation All --group g')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't', ['Write', 'Describe', 'Create']),
      allow('User:a', AclResourceType.TRANSACTIONAL_ID, 'x', ['Write', 'Describe']),
      allow('User:a', AclResourceType.CLUSTER, 'kafka-cluster', ['IdempotentWrite']),
    ]);
    expect(acl('--add --allow-principal User:a --consumer --topic t --group g --transactional-id x --cluster')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't', ['Read', 'Describe']),
      allow('User:a', AclResourceType.GROUP, 'g', ['Read']),
    ]);
    expect(acl('--add --allow-principal User:a --producer --consumer --topic t --group g')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 't', ['Write', 'Describe', 'Create']),
      allow('User:a', AclResourceType.TOPIC, 't', ['Read', 'Describe']),
      allow('User:a', AclResourceType.GROUP, 'g', ['Read']),
    ]);
  });

  it('reads a line with # principal in the middle as an ACL line (only a line that starts with # is a comment)', () => {
    const { kinds, acls } = parseAclLines('--add --allow-principal User:a --operation All --topic * # principal User:a admin');
    expect([...kinds]).toEqual([]);
    expect(acls.map(({ principal, name, operations }) => ({ principal, name, operations }))).toEqual([{ principal: 'User:a', name: '*', operations: ['All'] }]);
  });

  it('splits only --option=value at its first =, the value kept whole, line breaks included', () => {
    expect(acl('--add --allow-principal User:a --operation Read --topic=a=b\\x0ac x--topic=y --group')).toEqual([
      allow('User:a', AclResourceType.TOPIC, 'a=b\nc', ['Read']),
      allow('User:a', AclResourceType.GROUP, '', ['Read']),
    ]);
  });

  it('reads the last resource pattern type, prefixed in any case', () => {
    for (const [p, type] of [['prefixed', AclPatternType.PREFIX], ['PREFIXED', AclPatternType.PREFIX], ['Prefix', AclPatternType.PREFIX], ['literal', AclPatternType.LITERAL],
      ['prefixedx', AclPatternType.LITERAL], ['xprefixed', AclPatternType.LITERAL], ['prefixe', AclPatternType.LITERAL], ['match', AclPatternType.LITERAL]] as const) {
      expect(acl(`--add --allow-principal User:a --operation Read --topic t --resource-pattern-type ${p}`)[0]!.patternType, p).toBe(type);
    }
    expect(acl('--add --allow-principal User:a --operation Read --topic t --resource-pattern-type prefixed --resource-pattern-type literal')[0]!.patternType).toBe(AclPatternType.LITERAL);
    expect(acl('--add --allow-principal User:a --operation Read --topic t --resource-pattern-type literal --resource-pattern-type prefixed')[0]!.patternType).toBe(AclPatternType.PREFIX);
    expect(acl('--add --allow-principal User:a --operation Read --topic t --resource-pattern-type literal --resource-pattern-type prefixed --resource-pattern-type literal')[0]!.patternType).toBe(AclPatternType.LITERAL);
    expect(acl('--add --allow-principal User:a --operation Read --topic t')[0]!.patternType).toBe(AclPatternType.LITERAL);
  });

  it('skips the value of every other option kafka-acls.sh takes one for, so that it is not read as a resource', () => {
    for (const opt of ['--allow-host', '--deny-host', '--bootstrap-server', '--command-config', '--delegation-token', '--user-principal', '--bootstrap-controller', '--principal']) {
      expect(acl(`--add --allow-principal User:a ${opt} --topic --operation Read --topic t`), opt).toEqual([allow('User:a', AclResourceType.TOPIC, 't', ['Read'])]);
    }
  });

  it('reads CRLF lines, skips blank and comment lines, and drops a principal with no value', () => {
    const text = '\r\n# c\r\n--add --allow-principal User:a --operation Read --topic t --resource-pattern-type prefixed\r\n\r\n--add --operation Read --topic u --allow-principal\r\n';
    expect(parseAclLines(text).acls.map(({ principal, name, patternType }) => ({ principal, name, patternType }))).toEqual([{ principal: 'User:a', name: 't', patternType: AclPatternType.PREFIX }]);
    expect(parseAclLines('--add --allow-principal= --operation Read --topic t').acls).toEqual([]);
  });
});

describe('parseTopicLines', () => {
  it('reads options written --opt=value, the last --topic, --partitions and --replication-factor, and every --config', () => {
    expect(parseTopicLines('--create --topic=a --topic b --topic c --partitions=3 --partitions 4 --partitions 5 --replication-factor=2 --config=x=1 --config y=a=b --config noequals --config =v')).toEqual([
      { topic: 'c', partitions: '5', replicationFactor: '2', config: { x: '1', y: 'a=b' }, line: 1 },
    ]);
  });

  it('keeps numbers as written and leaves out what the line leaves to the broker', () => {
    expect(parseTopicLines('--create --topic t --partitions many')).toEqual([{ topic: 't', partitions: 'many', replicationFactor: undefined, config: {}, line: 1 }]);
  });

  it('skips blank lines, comments and lines without a topic, numbering lines from 1 across CRLF', () => {
    expect(parseTopicLines('# c\r\n\r\n--create --partitions 3\r\n--create --topic\r\n--create --topic t\r\n').map((t) => [t.topic, t.line])).toEqual([['t', 5]]);
  });

  it('skips the value of every other option kafka-topics.sh takes one for', () => {
    for (const opt of ['--bootstrap-server', '--command-config', '--replica-assignment', '--bootstrap-controller']) {
      expect(parseTopicLines(`--create ${opt} --topic --topic t`).map((t) => t.topic), opt).toEqual(['t']);
    }
    expect(parseTopicLines('--create --if-not-exists x --topic t')[0]!.topic).toBe('t');
  });
});
