import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { statefulSetChart, synthError } from '../support/statefulset-fixture';

const CLIENTS_PATH = 'kafka/Kafka/NetworkPolicies/AllowClients';
const REASON = 'Partner network reaches the brokers through a private link that filters by source.';

function openToInternet(profile = EnvironmentProfile.PRODUCTION) {
  const f = statefulSetChart({ profile });
  f.cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
  return f;
}

function reportEntry(chart: ReturnType<typeof statefulSetChart>['chart'], ruleId: string, path: string) {
  return chart.complianceReport.entries.find((e) => e.ruleId === ruleId && e.path === path);
}

describe('suppressions cannot silence production from a root (issue #13)', () => {
  it('fails SEC-007 in production when the suppression is attached to the chart root', () => {
    const { chart } = openToInternet();
    RuleSuppressions.add(chart, [{ id: 'SEC-007', reason: REASON }]);
    const message = synthError(chart);
    expect(message).toContain(`SEC-007 [${CLIENTS_PATH}] the suppression of SEC-007 on kafka covers a whole app, stack or chart; expected SEC-007 suppressed only on the resource it applies to in production`);
  });

  it('honours the same suppression on the NetworkPolicy it applies to, and lists it in the report', () => {
    const { chart, cluster } = openToInternet();
    RuleSuppressions.add(cluster.networkPolicies.allowClients, [{ id: 'SEC-007', reason: REASON }]);
    expect(chart.node.validate()).toEqual([]);
    const entry = reportEntry(chart, 'SEC-007', CLIENTS_PATH);
    expect(entry).toMatchObject({ status: 'suppressed', suppression: { reason: REASON, attachedTo: CLIENTS_PATH } });
  });

  it('still lets development suppress at the chart root', () => {
    const { chart } = openToInternet(EnvironmentProfile.DEVELOPMENT);
    RuleSuppressions.add(chart, [{ id: 'SEC-007', reason: REASON }]);
    expect(chart.node.validate().filter((l) => l.includes('SEC-007'))).toEqual([]);
  });

  it.each([
    'TODO TODO TODO TODO TODO',
    'fine fine fine fine fine fine fine',
    'TBD: will explain this one later on',
    'n/a n/a n/a n/a n/a n/a n/a n/a',
    'placeholder reason for the review',
  ])("refuses the reason '%s'", (reason) => {
    const { chart } = statefulSetChart();
    expect(() => RuleSuppressions.add(chart, [{ id: 'SEC-007', reason }])).toThrow(KafkaIacError);
  });
});
