import { AlertReceiver, AlertRouting, SecretReference } from '../lib/model/monitoring/alert-routing';

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
