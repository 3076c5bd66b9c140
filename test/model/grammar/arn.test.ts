// The ARN grammars (lib/model/grammar/arn.ts): each kind of ARN kafka-iac accepts, at the edges of
// each part (partition, region, account, resource), and the error a user gets for a wrong one.
// ARN format: AWS IAM user guide, "Amazon Resource Names"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html); KMS key ids and aliases:
// AWS KMS API reference (CreateAlias: `alias/` and [a-zA-Z0-9/_-]); SNS topic names: 1 to 256
// characters of [A-Za-z0-9_-], `.fifo` for FIFO topics (SNS CreateTopic); IAM role names
// [\w+=,.@-]{1,64} (IAM CreateRole).
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../../lib/model/errors';
import { checkAcmPcaArn, checkIamRoleArn, checkKmsKeyArn, checkKmsKeyReference, checkSnsTopicArn } from '../../../lib/model/grammar/arn';

const site = { code: 'SEC-006', path: 'prod/Kafka', prop: 'key' };
const UUID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const MRK = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const KEY = `arn:aws:kms:us-east-1:111122223333:key/${UUID}`;
const PCA = 'arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555';
const ROLE = 'arn:aws:iam::111122223333:role/orders-consumer';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:alarms';
const TOKEN = '${TfToken[TOKEN.12]}';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaIacError);
    return (e as Error).message;
  }
  throw new Error('expected a KafkaIacError, but nothing was thrown');
}

const kinds = [
  ['checkKmsKeyArn', checkKmsKeyArn, KEY],
  ['checkKmsKeyReference', checkKmsKeyReference, KEY],
  ['checkAcmPcaArn', checkAcmPcaArn, PCA],
  ['checkIamRoleArn', checkIamRoleArn, ROLE],
  ['checkSnsTopicArn', checkSnsTopicArn, TOPIC],
] as const;

describe.each(kinds)('%s', (_name, check, good) => {
  it('accepts its ARN in every partition and returns it unchanged', () => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-f', 'aws-eusc']) {
      const arn = good.replace('arn:aws:', `arn:${partition}:`);
      expect(check(arn, site)).toBe(arn);
    }
  });

  it('refuses an unknown partition, a missing part, text around the ARN and a line break', () => {
    for (const bad of [
      good.replace('arn:aws:', 'arn:azure:'), good.replace('arn:aws:', 'arn:aws-iso-bb:'), good.replace('arn:aws:', 'arn::'),
      good.replace('111122223333', '11112222333'), good.replace('111122223333', '1111222233334'), good.replace('111122223333', '11112222333x'),
      `x${good}`, `${good}:x`, `${good} `, `${good}\n`, ` ${good}`, good.replace('arn:', 'ARN:'), '',
    ]) expect(() => check(bad, site), bad).toThrow(KafkaIacError);
  });

  it('refuses what is not a string with the library error, and passes an unresolved token through', () => {
    for (const v of [undefined, null, 42, {}, [good]]) expect(() => check(v, site)).toThrow(KafkaIacError);
    expect(check(TOKEN, site)).toBe(TOKEN);
    expect(check(`arn:aws:kms:${TOKEN}`, site)).toBe(`arn:aws:kms:${TOKEN}`);
  });
});

describe('regions in regional ARNs (KMS, ACM PCA, SNS)', () => {
  it('accepts one- and several-part region names and refuses a region without its number or with capitals', () => {
    for (const region of ['us-east-1', 'us-gov-west-1', 'ap-southeast-4', 'eu-central-2']) {
      expect(checkKmsKeyArn(KEY.replace('us-east-1', region), site)).toContain(region);
      expect(checkAcmPcaArn(PCA.replace('us-east-1', region), site)).toContain(region);
      expect(checkSnsTopicArn(TOPIC.replace('us-east-1', region), site)).toContain(region);
    }
    for (const region of ['us-east', 'us-east-12', 'US-east-1', 'useast-1', 'u-east-1', 'usa-east-1', '', 'us--1', 'us-east-x']) {
      for (const [, check, good] of kinds.filter(([n]) => n !== 'checkIamRoleArn')) {
        expect(() => check(good.replace('us-east-1', region), site), `${region} in ${good}`).toThrow(KafkaIacError);
      }
    }
  });

  it('refuses a region in an IAM role ARN (IAM is global)', () => {
    expect(() => checkIamRoleArn('arn:aws:iam:us-east-1:111122223333:role/orders', site)).toThrow(KafkaIacError);
  });
});

describe('KMS keys', () => {
  it('accepts a key id that is a UUID or a multi-Region key, and refuses other key ids', () => {
    expect(checkKmsKeyArn(KEY.replace(UUID, MRK), site)).toContain(MRK);
    for (const id of [UUID.toUpperCase(), UUID.slice(1), `${UUID}0`, UUID.replace(/-/g, ''), MRK.slice(0, -1), `${MRK}0`, MRK.replace('mrk-', 'mrk'), 'mrk-' + 'g'.repeat(32), UUID.replace('1234abcd', '1234abcg')]) {
      expect(() => checkKmsKeyArn(KEY.replace(UUID, id), site), id).toThrow(KafkaIacError);
      expect(() => checkKmsKeyReference(id, site), id).toThrow(KafkaIacError);
    }
  });

  it('takes only key ARNs where MSK needs a key: no alias, no bare id, no other service', () => {
    for (const bad of [`arn:aws:kms:us-east-1:111122223333:alias/orders`, UUID, MRK, 'alias/orders', KEY.replace(':kms:', ':sns:'), KEY.replace(':key/', ':key:'), KEY.replace(':key/', ':keys/')]) {
      expect(() => checkKmsKeyArn(bad, site), bad).toThrow(KafkaIacError);
    }
  });

  it('takes a key ARN, an alias ARN, a key id or an alias name as a key reference (the EBS CSI driver)', () => {
    for (const ok of [KEY, KEY.replace(UUID, MRK), 'arn:aws:kms:us-east-1:111122223333:alias/orders/kafka_1-a', UUID, MRK, 'alias/orders', 'alias/a', `alias/${'x'.repeat(250)}`, 'alias/A_b/c-D9']) {
      expect(checkKmsKeyReference(ok, site)).toBe(ok);
    }
    for (const bad of ['alias/', `alias/${'x'.repeat(251)}`, 'alias/a b', 'alias/a.b', 'alias/a$(x)', 'orders', 'aliases/a', 'arn:aws:kms:us-east-1:111122223333:alias/', `${UUID} `, `${UUID}/x`, `alias/a\n`, 'arn:aws:kms:us-east-1:111122223333:orders']) {
      expect(() => checkKmsKeyReference(bad, site), bad).toThrow(KafkaIacError);
    }
  });

  it('tells the user which kind of value it wanted, with an example', () => {
    expect(message(() => checkKmsKeyArn('orders-key', site))).toBe(
      "SEC-006 [prod/Kafka] key is 'orders-key'; expected a KMS key ARN: arn:<partition>:kms:<region>:<12-digit account>:key/<key id>. "
      + "Pass the key's ARN, for example kafkaEncryptionKey.keyArn or 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'.");
    expect(message(() => checkKmsKeyReference('orders-key', site))).toBe(
      "SEC-006 [prod/Kafka] key is 'orders-key'; expected a KMS key ARN, alias ARN, key id or alias name (alias/...). "
      + "Pass the key's ARN, for example 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'.");
  });
});

describe('ACM Private CA ARNs (the CAs of MSK mutual TLS)', () => {
  it('refuses an ACM certificate, another resource type and a CA id that is not a lower-case UUID', () => {
    for (const bad of [PCA.replace(':acm-pca:', ':acm:'), PCA.replace('certificate-authority/', 'certificate/'), PCA.replace('11111111-', '1111111-'),
      PCA.replace('555555555555', '55555555555'), PCA.replace('11111111', 'AAAAAAAA'), PCA.replace('2222-', '2222'), `${PCA}/x`]) {
      expect(() => checkAcmPcaArn(bad, site), bad).toThrow(KafkaIacError);
    }
    expect(checkAcmPcaArn(PCA.replace('11111111', 'abcdef09'), site)).toContain('abcdef09');
  });

  it('tells the user it wanted a private CA', () => {
    expect(message(() => checkAcmPcaArn('my-ca', site))).toBe(
      "SEC-006 [prod/Kafka] key is 'my-ca'; expected an ACM Private CA ARN: arn:<partition>:acm-pca:<region>:<12-digit account>:certificate-authority/<uuid>. "
      + 'Pass the ARN of the private CA that issues the client certificates.');
  });
});

describe('IAM role ARNs', () => {
  it('accepts role names of 1 to 64 characters of [\\w+=,.@-], with or without a path', () => {
    for (const name of ['a', 'x'.repeat(64), 'Orders_Consumer+=,.@-9']) expect(checkIamRoleArn(`arn:aws:iam::111122223333:role/${name}`, site)).toContain(name);
    for (const p of ['service-role/', 'a/b/c/', `${'p'.repeat(510)}/`, '!~/']) expect(checkIamRoleArn(`arn:aws:iam::111122223333:role/${p}orders`, site)).toContain(p);
  });

  it('refuses a name too long or with other characters, a path too long, a user ARN and a missing name', () => {
    for (const bad of ['x'.repeat(65), 'a b', 'a$(x)', 'a:b', 'a"b', '', 'service-role/', `${'p'.repeat(511)}/orders`, 'a b/orders', 'a\n/orders']) {
      expect(() => checkIamRoleArn(`arn:aws:iam::111122223333:role/${bad}`, site), bad).toThrow(KafkaIacError);
    }
    expect(() => checkIamRoleArn('arn:aws:iam::111122223333:user/orders', site)).toThrow(KafkaIacError);
    expect(() => checkIamRoleArn('arn:aws:sts::111122223333:role/orders', site)).toThrow(KafkaIacError);
  });

  it('tells the user it wanted a role ARN', () => {
    expect(message(() => checkIamRoleArn('orders', site))).toBe(
      "SEC-006 [prod/Kafka] key is 'orders'; expected an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<name>. "
      + "Pass the role's ARN, for example 'arn:aws:iam::111122223333:role/orders-consumer'.");
  });
});

describe('SNS topic ARNs', () => {
  it('accepts topic names of [A-Za-z0-9_-], a FIFO topic, and refuses other names', () => {
    for (const name of ['a', 'Alarms_1-x', 'x'.repeat(251), 'orders.fifo', `${'x'.repeat(251)}.fifo`]) expect(checkSnsTopicArn(`arn:aws:sns:us-east-1:111122223333:${name}`, site)).toContain(name);
    for (const name of ['', 'x'.repeat(252), 'a.b', 'orders.FIFO', 'a b', 'a/b', 'a:b', '.fifo', 'a"}']) {
      expect(() => checkSnsTopicArn(`arn:aws:sns:us-east-1:111122223333:${name}`, site), name).toThrow(KafkaIacError);
    }
  });

  it('tells the user it wanted a topic ARN', () => {
    expect(message(() => checkSnsTopicArn(42, site))).toBe(
      'SEC-006 [prod/Kafka] key is 42; expected an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>. '
      + "Pass the topic's ARN, for example alarms.topic.arn.");
  });
});
