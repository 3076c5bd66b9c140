import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { Environment } from '../../../lib/model/environment';
import { KafkaIacError } from '../../../lib/model/errors';
import { AlarmSubscription } from '../../../lib/targets/msk/alert-routing-subscriptions';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { exampleTerraform, TEST_OUT } from '../../support/paths';

/**
 * On MSK the SNS topics of the CloudWatch alarms are the routing: critical alarms notify the
 * critical topic, warnings the warning topic, each KMS-encrypted with its subscriptions declared.
 * Severities are those of the Prometheus alert definitions (RULES.md: MON-001/003/005/006/009/012
 * critical; MON-002/004/007/008 and CAP-002 warning). The example stacks pass the batched
 * `terraform validate` and the mocked `terraform test` (test/validators/terraform.test.ts), which
 * asserts every topic's KMS key and every subscription's protocol.
 */
const CRITICAL_RULES = ['MON-001', 'MON-003', 'MON-005', 'MON-006', 'MON-009', 'MON-012'];
const WARNING_RULES = ['MON-002', 'MON-004', 'MON-007', 'MON-008', 'CAP-002'];

function synthesized(notifications?: ConstructorParameters<typeof MskCloudWatchAlarms>[2]['notifications']): Record<string, any> {
  const out = path.join(TEST_OUT, 'routing-sns-unit');
  const app = new KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist'), quiet: true });
  const stack = app.stack(Environment.staging({ name: 'staging', region: 'us-east-1' }));
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'orders', brokers: 3, notifications });
  return JSON.parse(Testing.synth(stack, true));
}

describe('MskCloudWatchAlarms routing by SNS topic', () => {
  const json = synthesized({
    critical: [AlarmSubscription.https('https://oncall.example.com/sns'), AlarmSubscription.email('oncall@example.com')],
    warning: [AlarmSubscription.lambda('arn:aws:lambda:us-east-1:111122223333:function:to-slack')],
  });
  const topics = json.resource.aws_sns_topic as Record<string, any>;
  const topicRef = (name: string) => `\${aws_sns_topic.${Object.entries(topics).find(([, t]) => t.name === name)![0]}.arn}`;
  const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);

  it('declares a critical and a warning topic, both encrypted with the customer-managed key', () => {
    expect(Object.values(topics).map((t) => t.name).sort()).toEqual(['orders-alarms', 'orders-alarms-warning']);
    expect(new Set(Object.values(topics).map((t) => t.kms_master_key_id))).toEqual(new Set([expect.stringMatching(/^\$\{aws_kms_key\.\w+\.arn\}$/)]));
  });

  it('sends each alarm and its recovery to the topic of its severity', () => {
    const critical = topicRef('orders-alarms');
    const warning = topicRef('orders-alarms-warning');
    for (const a of alarms) {
      const rule = a.tags['kafka-iac:rule'];
      const expected = CRITICAL_RULES.includes(rule) ? critical : WARNING_RULES.includes(rule) ? warning : `unknown rule ${rule}`;
      expect([a.alarm_name, a.alarm_actions, a.ok_actions]).toEqual([a.alarm_name, [expected], [expected]]);
    }
    expect(alarms.filter((a) => a.alarm_actions[0] === critical).length).toBeGreaterThan(0);
    expect(alarms.filter((a) => a.alarm_actions[0] === warning).length).toBeGreaterThan(0);
  });

  it('declares the subscriptions on their topics, and lets SNS invoke the Lambda from the warning topic only', () => {
    const subs = Object.values<any>(json.resource.aws_sns_topic_subscription).map((s) => [s.topic_arn, s.protocol, s.endpoint]);
    expect(subs).toEqual([
      [topicRef('orders-alarms'), 'https', 'https://oncall.example.com/sns'],
      [topicRef('orders-alarms'), 'email', 'oncall@example.com'],
      [topicRef('orders-alarms-warning'), 'lambda', 'arn:aws:lambda:us-east-1:111122223333:function:to-slack'],
    ]);
    expect(Object.values<any>(json.resource.aws_lambda_permission)).toEqual([{
      action: 'lambda:InvokeFunction', function_name: 'arn:aws:lambda:us-east-1:111122223333:function:to-slack',
      principal: 'sns.amazonaws.com', source_arn: topicRef('orders-alarms-warning'),
    }]);
  });

  it('declares no subscription when none is given', () => {
    expect(synthesized().resource.aws_sns_topic_subscription).toBeUndefined();
  });

  it('refuses an http (not https) endpoint, one with credentials, a bad e-mail address and a bad Lambda ARN', () => {
    expect(() => AlarmSubscription.https('http://oncall.example.com/sns')).toThrow(KafkaIacError);
    expect(() => AlarmSubscription.https('https://user:pass@oncall.example.com/sns')).toThrow(/KIAC-ROUTING \[AlarmSubscription\] https url is 'https:\/\/user:pass@oncall.example.com\/sns'/);
    expect(() => AlarmSubscription.email('oncall')).toThrow(/email address is 'oncall'/);
    expect(() => AlarmSubscription.lambda('to-slack')).toThrow(/lambda function ARN is 'to-slack'/);
  });
});

describe('the MSK examples route their alarms', () => {
  for (const env of ['production', 'dr']) {
    it(`${env}: critical pages over HTTPS and e-mail, warnings go to the Slack Lambda and e-mail`, () => {
      const j = JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
      const topicName = (arn: string) => Object.values<any>(j.resource.aws_sns_topic).find((t) => arn.includes(Object.keys(j.resource.aws_sns_topic).find((k) => j.resource.aws_sns_topic[k] === t)!))?.name;
      const subs = Object.values<any>(j.resource.aws_sns_topic_subscription).map((s) => [topicName(s.topic_arn), s.protocol]);
      expect(subs.filter(([t]) => /-alarms$/.test(t)).map(([, p]) => p)).toEqual(['https', 'email']);
      expect(subs.filter(([t]) => /-alarms-warning$/.test(t)).map(([, p]) => p)).toEqual(['lambda', 'email']);
      expect(Object.values<any>(j.resource.aws_lambda_permission).map((p) => p.principal)).toEqual(['sns.amazonaws.com']);
    });
  }
});
