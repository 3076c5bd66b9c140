import { AlertReceiver, AlertRouting, SecretReference } from '../lib/model/monitoring/alert-routing';
import { AlarmSubscription } from '../lib/targets/msk/alert-routing-subscriptions';
import type { MskAlarmNotifications } from '../lib/targets/msk/msk-cloudwatch-alarms';

/**
 * The shop's alert routing on Kubernetes: critical alerts page the Kafka on-call rotation
 * through PagerDuty, warnings go to the team's Slack channel. The credentials stay in Secrets of
 * the environment's namespace (created by the platform, for example from External Secrets):
 * `alertmanager-pagerduty` (key `routing-key`) and `alertmanager-slack` (key `api-url`).
 */
export function shopAlertRouting(options: { readonly slackChannel: string }): AlertRouting {
  return AlertRouting.bySeverity({
    receivers: [
      AlertReceiver.pagerDuty('kafka-oncall', { routingKey: SecretReference.of('alertmanager-pagerduty', 'routing-key') }),
      AlertReceiver.slack('kafka-team', { apiUrl: SecretReference.of('alertmanager-slack', 'api-url'), channel: options.slackChannel }),
    ],
    criticalReceiver: 'kafka-oncall',
    warningReceiver: 'kafka-team',
  });
}

/**
 * Development never pages: every alert goes to the team's development Slack channel.
 */
export function developmentAlertRouting(): AlertRouting {
  return AlertRouting.bySeverity({
    receivers: [AlertReceiver.slack('kafka-dev', { apiUrl: SecretReference.of('alertmanager-slack', 'api-url'), channel: '#kafka-dev-alerts' })],
    criticalReceiver: 'kafka-dev',
    warningReceiver: 'kafka-dev',
  });
}

/**
 * The shop's routing of the MSK CloudWatch alarms (production and dr): the critical topic pages
 * through the on-call tool's SNS endpoint and e-mails the on-call list; the warning topic
 * invokes the Lambda that posts to the team's Slack channel (in the stack's region, where SNS
 * gets the permission to invoke it) and e-mails the team.
 */
export function shopAlarmNotifications(region: string): MskAlarmNotifications {
  return {
    critical: [AlarmSubscription.https('https://oncall.example.com/integrations/sns/kafka'), AlarmSubscription.email('kafka-oncall@example.com')],
    warning: [AlarmSubscription.lambda(`arn:aws:lambda:${region}:111122223333:function:kafka-alerts-to-slack`), AlarmSubscription.email('kafka-team@example.com')],
  };
}
