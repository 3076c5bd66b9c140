// MON-005: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack, violations } from './fixtures/mon-rules';
import { Testing } from 'cdktf';

import { MON_005_DISK_USAGE_CRITICAL } from '../../lib/rules/mon-005-disk-usage-critical';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
describe('MSK', () => {
  describe('MON rules on MSK', () => {

    it('stops synthesis with MON-005 when an escape hatch raises a disk alarm threshold', () => {
      const { stack, alarms } = mskStack(true);
      alarms!.alarms.get('DiskCritical2')!.addOverride('threshold', 95);
      expect(violations(() => Testing.synth(stack, true))).toEqual(['MON-005 [production/Kafka] alarm orders-msk-MON-005-broker-2-disk-critical has threshold 95 (GreaterThanThreshold)']);
    });
  });
});

// Every target that carries the rule, the missing monitoring, and a weakened alert or alarm
// (test/rules/fixtures/describe-monitoring-rule.ts; it also checks the rule's metadata).
// The CloudWatch metric names (KafkaDataLogsDiskUsed, dimensions Cluster Name and Broker ID) are those of
// https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html (DEFAULT level).
describeMonitoringRule(MON_005_DISK_USAGE_CRITICAL, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 10, metrics: ['KafkaDataLogsDiskUsed'], perBroker: true });
