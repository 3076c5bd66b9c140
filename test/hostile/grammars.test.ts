import { describe, expect, it } from 'vitest';
import { AccessModel } from '../../lib/model/access/access-model';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { Environment } from '../../lib/model/environment';
import { DrDuration } from '../../lib/model/dr/dr-duration';
import { DrPairing } from '../../lib/model/dr/dr-pairing';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { parseDurationMs } from '../../lib/model/grammar/duration';
import { checkAcmPcaArn, checkIamRoleArn, checkKmsKeyArn, checkKmsKeyReference, checkSnsTopicArn } from '../../lib/model/grammar/arn';
import { checkZoneOfRegion } from '../../lib/model/grammar/names';
import { durationSeconds } from '../../lib/rules/checks/cluster-monitoring';
import { EncryptedStorageClass } from '../../lib/targets/kubernetes/encrypted-storage-class';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { mskStack } from '../support/msk-stack';
import { statefulSetChart } from '../support/statefulset-fixture';
import { libraryError } from '../support/library-error';

const site = { code: 'KIAC-PROP', path: 'p', prop: 'v' };


describe('one duration grammar, Prometheus\' own (issue #13)', () => {
  // prometheus/common model/time.go: durationRE =
  // ^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$,
  // "0" is allowed without a unit, y = 365d, w = 7d; a time.Duration is int64 nanoseconds.
  it.each([
    ['500ms', 500], ['1h30m', 5_400_000], ['0', 0], ['1w', 604_800_000], ['1y', 31_536_000_000], ['1d2h3m4s5ms', 93_784_005], ['90s', 90_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDurationMs(text, site)).toBe(ms);
  });

  it.each(['', '1.5h', '5 m', 'm5', '30s5m', '-1m', '5M', '1h ', ' 1h', '1d1d', '5min', '10Y', '${x}', '1h\n', '300000y'])('refuses %j', (text) => {
    expect(libraryError(() => parseDurationMs(text, site)).message).toContain('expected a Prometheus duration');
  });

  it('is the grammar of PrometheusDuration (alert for, SLO windows) and of DrDuration (RPO, RTO)', () => {
    expect(PrometheusDuration.parse('500ms').totalSeconds).toBe(0.5);
    expect(PrometheusDuration.parse('1h30m').toString()).toBe('1h30m');
    expect(PrometheusDuration.parse('0').isZero).toBe(true);
    expect(() => PrometheusDuration.parse('1.5h')).toThrow(/^KIAC-DURATION \[PrometheusDuration\] duration is '1.5h'/);
    expect(DrDuration.parse('1h30m').seconds).toBe(5_400);
    expect(() => DrDuration.parse('500ms')).toThrow(/^DR-003 \[DrDuration\] duration is '500ms'; expected whole seconds/);
    expect(() => DrDuration.parse('5 minutes')).toThrow(/^DR-003 \[DrDuration\] duration is '5 minutes'; expected a Prometheus duration/);
  });

  it('is the grammar the rules read a synthesized alert\'s for with', () => {
    expect(durationSeconds('500ms')).toBe(0.5);
    expect(durationSeconds('1w')).toBe(604_800);
    expect(durationSeconds('5 m')).toBeNaN();
  });
});

describe('zones of the environment\'s region (issue #13)', () => {
  // AWS EC2 user guide, "Regions and Zones": an Availability Zone is a Region code followed by a letter.
  it('accepts us-east-1a and a Local Zone of us-east-1, and refuses eu-west-1a, us-east-1 itself and us-east-10a', () => {
    expect(checkZoneOfRegion('us-east-1a', 'us-east-1', site)).toBe('us-east-1a');
    expect(checkZoneOfRegion('us-east-1-bos-1a', 'us-east-1', site)).toBe('us-east-1-bos-1a');
    for (const zone of ['eu-west-1a', 'us-east-1', 'us-east-10a', 'us-east-1A', 'us-east-1a\n', 'us-east-1${x}']) {
      expect(libraryError(() => checkZoneOfRegion(zone, 'us-east-1', site)).message).toContain('expected an availability zone of us-east-1');
    }
  });

  it('fails HA-006 for a KafkaNetwork whose zones belong to another region', () => {
    const e = libraryError(() => mskStack({ network: { availabilityZones: ['us-east-1a', 'us-east-1b', 'eu-west-1c'] } }));
    expect(e.message).toMatch(/^HA-006 \[production\/Network\] availabilityZones\[2\] is 'eu-west-1c'; expected an availability zone of us-east-1/);
  });

  it('fails HA-006 for a StatefulSet cluster pinned to zones of another region', () => {
    const e = libraryError(() => statefulSetChart({ cluster: { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] } }));
    expect(e.message).toMatch(/^HA-006 \[kafka\/Kafka\] zones\[0\] is 'eu-west-1a'; expected an availability zone of us-east-1/);
  });
});

describe('ARNs by grammar (issue #13: KMS keys, certificate authorities, IAM roles)', () => {
  // AWS IAM user guide, "Amazon Resource Names": arn:partition:service:region:account-id:resource.
  const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  it('accepts well-formed ARNs of each kind', () => {
    expect(checkKmsKeyArn(KEY, site)).toBe(KEY);
    expect(checkKmsKeyArn('arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab', site)).toContain('mrk-');
    expect(checkKmsKeyReference('alias/orders-kafka', site)).toBe('alias/orders-kafka');
    expect(checkAcmPcaArn('arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555', site)).toContain('acm-pca');
    expect(checkIamRoleArn('arn:aws:iam::111122223333:role/service-role/orders', site)).toContain(':role/');
    expect(checkSnsTopicArn('arn:aws:sns:us-east-1:111122223333:alarms', site)).toContain(':sns:');
  });

  it.each([
    ['a KMS alias where a key ARN is needed', () => checkKmsKeyArn('arn:aws:kms:us-east-1:111122223333:alias/orders', site)],
    ['an IAM role ARN where a KMS key is needed', () => checkKmsKeyArn('arn:aws:iam::111122223333:role/orders', site)],
    ['a template in a KMS key ARN', () => checkKmsKeyArn('arn:aws:kms:us-east-1:111122223333:key/${var.k}', site)],
    ['an 11-digit account', () => checkIamRoleArn('arn:aws:iam::11112222333:role/orders', site)],
    ['a role ARN with a region', () => checkIamRoleArn('arn:aws:iam:us-east-1:111122223333:role/orders', site)],
    ['a certificate ARN of ACM, not ACM PCA', () => checkAcmPcaArn('arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555', site)],
    ['a line break after an SNS ARN', () => checkSnsTopicArn('arn:aws:sns:us-east-1:111122223333:alarms\nx', site)],
  ])('refuses %s', (_what, f) => {
    expect(libraryError(f).code).toBe('KIAC-PROP');
  });

  it('refuses a mutual-TLS CA that is not an ACM PCA ARN, a KMS key of another kind on MSK and on a StorageClass', () => {
    expect(libraryError(() => ClientAuthentication.mutualTls(['my-ca'])).message).toMatch(/^SEC-010 \[ClientAuthentication.mutualTls\] certificateAuthorityArns\[0\] is 'my-ca'; expected an ACM Private CA ARN/);
    expect(libraryError(() => mskStack({ cluster: { encryptionKeyArn: 'orders-key' } })).message).toMatch(/^SEC-006 \[production\/Kafka\] encryptionKeyArn is 'orders-key'; expected a KMS key ARN/);
    const { chart } = statefulSetChart();
    expect(libraryError(() => new EncryptedStorageClass(chart, 'Storage', { kmsKeyId: 'key $(rm -rf /)' })).message).toMatch(/^SEC-006 \[kafka\/Storage\] kmsKeyId is 'key \$\(rm -rf \/\)'; expected a KMS key ARN, alias ARN, key id or alias name/);
    const { stack, cluster } = mskStack();
    expect(libraryError(() => new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: 3, topicKmsKeyArn: 'x"}' })).message).toContain('topicKmsKeyArn is \'x"}\'; expected a KMS key ARN');
  });
});

describe('RPO larger than RTO (issue #13)', () => {
  function pairing(rpo: DrDuration, rto: DrDuration) {
    const primary = Environment.production({ name: 'production', region: 'us-east-1' });
    const peer = primary.drPeer({ name: 'dr', region: 'us-west-2' });
    const access = new AccessModel({ environment: primary });
    access.addTopic('orders');
    return new DrPairing({ primary, peer, access, rpo, rto });
  }

  it('fails DR-003 when the RPO is above the RTO', () => {
    expect(libraryError(() => pairing(DrDuration.hours(1), DrDuration.minutes(30))).message)
      .toMatch(/^DR-003 \[.*\] rpo is '1h'; expected at most the RTO \(30m\)/);
  });

  it('accepts an RPO equal to the RTO, or below it', () => {
    expect(pairing(DrDuration.minutes(30), DrDuration.minutes(30)).rpo.seconds).toBe(1_800);
    expect(pairing(DrDuration.parse('5m'), DrDuration.parse('1h')).rto.seconds).toBe(3_600);
  });
});
