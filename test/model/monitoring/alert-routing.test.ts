import { describe, expect, it } from 'vitest';
import { AlertInhibition, AlertReceiver, AlertReceiverKind, AlertRouting, SecretReference } from '../../../lib/model/monitoring/alert-routing';
import { AlertSeverity } from '../../../lib/model/monitoring/alert-severity';
import { KafkaAlertName } from '../../../lib/model/monitoring/kafka-alerts';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { libraryError } from '../../support/library-error';

const pagerDuty = AlertReceiver.pagerDuty('oncall', { routingKey: SecretReference.of('alertmanager-pagerduty', 'routing-key') });
const slack = AlertReceiver.slack('team', { apiUrl: SecretReference.of('alertmanager-slack', 'api-url'), channel: '#kafka' });

describe('AlertRouting.bySeverity', () => {
  it('routes critical to the paging receiver and warning to the notifying one, with safe defaults', () => {
    const r = AlertRouting.bySeverity({ receivers: [pagerDuty, slack], criticalReceiver: 'oncall', warningReceiver: 'team' });
    expect(r.receiverFor(AlertSeverity.CRITICAL)).toBe('oncall');
    expect(r.receiverFor(AlertSeverity.WARNING)).toBe('team');
    expect(r.defaultReceiver).toBe('team');
    expect(r.groupBy).toEqual(['alertname', 'environment', 'kafka_cluster']);
    expect(r.groupWait.toString()).toBe('30s');
    expect(r.groupInterval.toString()).toBe('5m');
    expect(r.routes.map((x) => [x.severity, x.repeatInterval.toString()])).toEqual([['critical', '1h'], ['warning', '4h']]);
  });

  it('inhibits under-replicated partitions while a node of the same cluster is down, by the names the alerts are defined with', () => {
    const [i] = AlertRouting.bySeverity({ receivers: [slack], criticalReceiver: 'team', warningReceiver: 'team' }).inhibitions;
    expect(i.causes).toEqual([KafkaAlertName.NODE_DOWN, KafkaAlertName.NODES_MISSING]);
    expect(i.symptoms).toEqual([KafkaAlertName.UNDER_REPLICATED_PARTITIONS]);
    expect(i.equal).toEqual(['environment', 'kafka_cluster']);
  });

  it('refuses a critical route to an undeclared receiver, naming the receivers it knows', () => {
    const e = libraryError(() => AlertRouting.bySeverity({ receivers: [pagerDuty, slack], criticalReceiver: 'pagerduty', warningReceiver: 'team' }));
    expect(e.code).toBe('KIAC-ROUTING');
    expect(e.message).toMatch(/critical route sends to receiver 'pagerduty', which is not declared; expected one of 'oncall', 'team'/);
  });

  it('refuses a warning route and a default route to an undeclared receiver', () => {
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [pagerDuty], criticalReceiver: 'oncall', warningReceiver: 'slack' })).message).toMatch(/warning route sends to receiver 'slack'/);
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [pagerDuty, slack], criticalReceiver: 'oncall', warningReceiver: 'team', defaultReceiver: 'nobody' })).message).toMatch(/default route sends to receiver 'nobody'/);
  });

  it('refuses two receivers with the same name', () => {
    const other = AlertReceiver.slack('team', { apiUrl: SecretReference.of('other', 'url'), channel: '#other' });
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [slack, other], criticalReceiver: 'team', warningReceiver: 'team' })).message).toMatch(/receiver 'team' is declared twice/);
  });

  it('refuses an empty receiver list, a zero group wait and a duplicate group-by label', () => {
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [], criticalReceiver: 'a', warningReceiver: 'a' })).message).toMatch(/receivers is \[\]/);
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [slack], criticalReceiver: 'team', warningReceiver: 'team', groupWait: PrometheusDuration.seconds(0) })).message).toMatch(/groupWait is '0s'/);
    expect(libraryError(() => AlertRouting.bySeverity({ receivers: [slack], criticalReceiver: 'team', warningReceiver: 'team', groupBy: ['alertname', 'alertname'] })).message).toMatch(/without duplicates/);
  });
});

describe('AlertReceiver', () => {
  it('builds each kind with its credential as a Secret reference only', () => {
    const hook = AlertReceiver.webhook('hook', { url: 'https://alerts.example.com/kafka', bearerToken: SecretReference.of('hook', 'token') });
    const mail = AlertReceiver.email('mail', { to: 'oncall@example.com', from: 'alertmanager@example.com', smarthost: 'smtp.example.com:587', authUsername: 'alertmanager', authPassword: SecretReference.of('smtp', 'password') });
    expect([pagerDuty, slack, hook, mail].map((r) => [r.kind, r.credential.name, r.credential.key])).toEqual([
      [AlertReceiverKind.PAGERDUTY, 'alertmanager-pagerduty', 'routing-key'],
      [AlertReceiverKind.SLACK, 'alertmanager-slack', 'api-url'],
      [AlertReceiverKind.WEBHOOK, 'hook', 'token'],
      [AlertReceiverKind.EMAIL, 'smtp', 'password'],
    ]);
  });

  it('refuses a PagerDuty receiver without a routing key reference (a key written inline)', () => {
    const e = libraryError(() => AlertReceiver.pagerDuty('oncall', { routingKey: 'b1946ac92492d2347c6235b4d2611184' as any }));
    expect(e.message).toMatch(/receiver 'oncall' has routingKey 'b1946ac92492d2347c6235b4d2611184'; expected a Kubernetes Secret reference/);
  });

  it('refuses a Slack receiver, a webhook and an e-mail receiver without their credential reference', () => {
    expect(libraryError(() => AlertReceiver.slack('team', { channel: '#kafka' } as any)).message).toMatch(/receiver 'team' has apiUrl not set/);
    expect(libraryError(() => AlertReceiver.webhook('hook', { url: 'https://a.example.com' } as any)).message).toMatch(/receiver 'hook' has bearerToken not set/);
    expect(libraryError(() => AlertReceiver.email('mail', { to: 'a@example.com', from: 'b@example.com', smarthost: 'smtp.example.com:25', authUsername: 'u', authPassword: { name: 'smtp', key: 'password' } } as any)).message).toMatch(/receiver 'mail' has authPassword/);
  });

  it('refuses a webhook URL that carries a credential or is not http(s)', () => {
    const token = SecretReference.of('hook', 'token');
    expect(libraryError(() => AlertReceiver.webhook('hook', { url: 'https://user:secret@a.example.com/x', bearerToken: token })).message).toMatch(/a credential inside the url/);
    expect(libraryError(() => AlertReceiver.webhook('hook', { url: 'ftp://a.example.com/x', bearerToken: token })).message).toMatch(/an http or https URL/);
  });

  it('refuses a receiver name, a Secret name or a Secret key outside their grammar', () => {
    expect(libraryError(() => AlertReceiver.slack('Team Slack', { apiUrl: SecretReference.of('s', 'k'), channel: '#c' })).message).toMatch(/receiver name is 'Team Slack'/);
    expect(libraryError(() => SecretReference.of('Alertmanager_Secret', 'k')).message).toMatch(/SecretReference name/);
    expect(libraryError(() => SecretReference.of('s', 'a/b')).message).toMatch(/SecretReference key/);
  });
});

describe('AlertInhibition.whileFiring', () => {
  it('refuses an alert that is both cause and symptom, and names outside the alert-name grammar', () => {
    expect(libraryError(() => AlertInhibition.whileFiring({ causes: ['A'], symptoms: ['A'] })).message).toMatch(/not both/);
    expect(libraryError(() => AlertInhibition.whileFiring({ causes: ['Kafka Node Down'], symptoms: ['B'] })).message).toMatch(/inhibition causes/);
    expect(libraryError(() => AlertInhibition.whileFiring({ causes: ['A'], symptoms: ['B'], equal: ['kafka-cluster'] })).message).toMatch(/inhibition equal/);
  });
});
