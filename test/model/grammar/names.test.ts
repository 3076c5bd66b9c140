// The name grammars (lib/model/grammar/names.ts) at their limits, with the error a user gets.
// Limits: Kubernetes names and label values
// (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/, .../labels/#syntax-and-character-set),
// Kafka topic names (apache/kafka clients/.../common/internals/Topic.java: 249 of [a-zA-Z0-9._-]),
// IAM role names (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html: 1 to 64 of [\w+=,.@-]).
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../../lib/model/errors';
import {
  checkAbsolutePath, checkBootstrapServers, checkClientId, checkClusterDomain, checkConfigName, checkDnsLabel, checkIamRoleName, checkLabelValue,
  checkNameOfObjects, checkNamespace, checkTopicName, topicCollisionKey, isDns1123Subdomain,
} from '../../../lib/model/grammar/names';

const site = { code: 'KIAC-PROP', path: 'app/Kafka', prop: 'name' };
const TOKEN = '${TfToken[TOKEN.7]}';
type Check = (value: unknown, s: typeof site) => string;

/** The KafkaIacError `check` throws for `value`: code, path, prop, the value, the grammar and the fix. */
function refusal(check: Check, value: unknown): KafkaIacError {
  try {
    check(value, site);
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaIacError);
    return e as KafkaIacError;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const cases: { name: string; check: Check; grammar: string; fix: string; accepts: unknown[]; refuses: unknown[]; token?: boolean }[] = [
  {
    name: 'checkNamespace', check: checkNamespace, token: true,
    grammar: "a DNS-1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit", fix: "Use a namespace such as 'kafka'.",
    accepts: ['kafka', 'a', '0', 'a-b-9', 'a'.repeat(63)], refuses: ['Kafka', '-a', 'a-', 'a.b', '', 'a'.repeat(64), 'a_b', 7],
  },
  {
    name: 'checkDnsLabel', check: checkDnsLabel, token: true,
    grammar: "a DNS-1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit", fix: "Use a name such as 'orders-kafka'.",
    accepts: ['orders-kafka', 'x', 'a'.repeat(63)], refuses: ['Orders', 'a'.repeat(64), 'a-', '', undefined],
  },
  {
    name: 'checkClusterDomain', check: checkClusterDomain, token: true,
    grammar: "a DNS-1123 subdomain such as cluster.local: labels of lower-case letters, digits and '-' joined by dots, at most 253 characters",
    fix: "Use the kubelet's --cluster-domain, usually 'cluster.local'.",
    accepts: ['cluster.local', 'a', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`],
    refuses: ['Cluster.local', 'a..b', '.a', 'x$(id)', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, `${'a'.repeat(64)}.b`, null],
  },
  {
    name: 'checkLabelValue', check: checkLabelValue, token: true,
    grammar: "a label value: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit", fix: 'Shorten the value or replace the other characters with -.',
    accepts: ['', 'A', 'a.B_c-9', 'a'.repeat(63)], refuses: ['-a', 'a-', '_a', 'a b', 'a'.repeat(64), 'a/b', 1],
  },
  {
    name: 'checkTopicName', check: checkTopicName, token: true,
    grammar: "a Kafka topic name: 1 to 249 letters, digits, '.', '_' and '-', not '.' or '..'", fix: "Use a name such as 'orders' or 'orders.v1'.",
    accepts: ['orders.v1', 'A_b-9', '...', '.a', 'a'.repeat(249)], refuses: ['', '.', '..', 'a b', 'a/b', 'a'.repeat(250), 3],
  },
  {
    name: 'checkClientId', check: checkClientId, token: true,
    grammar: 'a non-empty id of at most 32767 characters without control characters', fix: "Use an id such as 'orders-tx'.",
    accepts: ['orders-tx', 'a b$(id)"\'', 'x', 'é', 'a'.repeat(32767)], refuses: ['', 'a\nb', 'a\x00', 'a\x1f', 'a\x7f', 'a'.repeat(32768), {}],
  },
  {
    name: 'checkAbsolutePath', check: checkAbsolutePath, token: true,
    grammar: 'an absolute path (starting with /) without control characters', fix: "Use a path such as '/opt/kafka/bin'.",
    accepts: ['/', '/opt/kafka bin/$x'], refuses: ['opt/kafka', '', '/a\nb', '/a\x7f', '/a\x00', ' /a', false],
  },
  {
    name: 'checkBootstrapServers', check: checkBootstrapServers, token: true,
    grammar: "comma-separated host:port pairs such as 'kafka-bootstrap.kafka.svc:9093'", fix: "Use the cluster's bootstrap address, for example 'orders-bootstrap.kafka.svc:9093'.",
    accepts: ['b-1.kafka:9092', 'a:1,b.c:99999', ' a:1 , [::1]:9093', '10.0.0.1:9092', 'a:1,'.repeat(819) + 'a:1', 'a:1,'.repeat(1023) + 'ab:1'],
    refuses: ['a', 'a:', ':9092', 'a:123456', '-a:1', 'a-:1', 'a b:1', 'a:1;b:2', 'a:1\nb:2', '[g]:1', 'a:1,', 'a:1,'.repeat(1024) + 'a:1', 9092],
  },
  {
    name: 'checkConfigName', check: checkConfigName,
    grammar: "a Kafka configuration name: letters and digits separated by '.', '_' or '-' (for example log.retention.ms)", fix: 'Use the configuration name exactly as the Kafka documentation spells it.',
    accepts: ['log.retention.ms', 'a', 'A1_b-c.D', 'a'.repeat(255)], refuses: ['', '.a', 'a.', 'a..b', 'a b', 'a=b', 'a\\u002eb', 'a'.repeat(256), TOKEN, 1],
  },
  {
    name: 'checkIamRoleName', check: checkIamRoleName, token: true,
    grammar: 'an IAM role name: 1 to 64 letters, digits and + = , . @ _ -', fix: "Use the role's name (not its ARN), for example 'orders-task-role'.",
    accepts: ['orders-task-role', 'a+=,.@_-9', 'a'.repeat(64)], refuses: ['', 'a'.repeat(65), 'arn:aws:iam::1:role/x', 'a b', 'a/b', 5],
  },
  {
    // The cluster names of Strimzi and the StatefulSet target, and MirrorMaker 2's: object names are built from them at synthesis, so a token is refused.
    name: 'checkNameOfObjects with maxLength', check: (v, s) => checkNameOfObjects(v as string, s, { maxLength: 40, grammar: 'a DNS label of at most 40 characters', fix: "Use a name such as 'orders-kafka'." }),
    grammar: 'a DNS label of at most 40 characters', fix: "Use a name such as 'orders-kafka'.",
    accepts: ['orders-kafka', 'a', '0-a', 'a'.repeat(40)], refuses: ['Orders', '-a', 'a-', 'a.b', 'a_b', '', 'a'.repeat(41), TOKEN],
  },
  {
    // A Strimzi node pool's name: the characters only.
    name: 'checkNameOfObjects without maxLength', check: (v, s) => checkNameOfObjects(v as string, s, { grammar: 'a DNS label', fix: "Use a name such as 'broker'." }),
    grammar: 'a DNS label', fix: "Use a name such as 'broker'.",
    accepts: ['broker', 'a'.repeat(100)], refuses: ['Broker', 'broker-', '', TOKEN],
  },
];

describe.each(cases)('$name', ({ check, grammar, fix, accepts, refuses, token }) => {
  it('returns each accepted value as given', () => {
    for (const v of accepts) expect(check(v, site)).toBe(v);
  });
  it('refuses each other value with the site, the value, the grammar and the fix', () => {
    for (const v of refuses) {
      const e = refusal(check, v);
      expect(e.message, JSON.stringify(v)).toContain('KIAC-PROP [app/Kafka] name is ');
      expect(e.message).toContain(`expected ${grammar}`);
      expect(e.message).toContain(fix);
    }
  });
  if (token) {
    it('passes an unresolved token through', () => {
      expect(check(TOKEN, site)).toBe(TOKEN);
    });
  }
});

describe('isDns1123Subdomain', () => {
  it('takes dot-separated labels up to 253 characters', () => {
    expect(isDns1123Subdomain('a.b-c.d')).toBe(true);
    expect(isDns1123Subdomain(`${'a.'.repeat(126)}b`)).toBe(true);
    expect(isDns1123Subdomain(`${'a.'.repeat(126)}bc`)).toBe(false);
    expect(isDns1123Subdomain('a.B')).toBe(false);
  });
});

describe('topicCollisionKey', () => {
  it("gives the same key to the names Kafka's '.'/'_' collision maps to the same metric name, and only to those", () => {
    expect(topicCollisionKey('a_b.c')).toBe(topicCollisionKey('a.b_c'));
    expect(topicCollisionKey('a.b.c')).toBe(topicCollisionKey('a_b_c'));
    expect(topicCollisionKey('a-b')).not.toBe(topicCollisionKey('a.b'));
    expect(topicCollisionKey('a-b')).not.toBe(topicCollisionKey('a_b'));
    expect(topicCollisionKey('x')).not.toBe(topicCollisionKey('a.b_c'));
  });
});
