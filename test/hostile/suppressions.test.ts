import { JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { KafkaStatefulSetCluster } from '../../lib/targets/statefulset/kafka-statefulset-cluster';
import { KafkaIacError } from '../../lib/model/errors';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { KMS_KEY, statefulSetChart, synthError } from '../support/statefulset-fixture';
import { MONITORING_RULE_IDS, suppressMonitoringRules } from '../support/monitoring-rules';
import { SCRATCH_APP } from '../support/scratch';

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

  it('fails SEC-007 in production when the suppression is attached to a construct that groups the chart (the root loophole)', () => {
    const environment = new Environment({ name: 'production', profile: EnvironmentProfile.PRODUCTION, region: 'us-east-1' });
    const group = new Construct(Testing.app(SCRATCH_APP), 'Platform');
    const chart = new KafkaChart(group, 'kafka', { environment });
    suppressMonitoringRules(chart);
    const cluster = new KafkaStatefulSetCluster(chart, 'Kafka', {
      clusterName: 'orders', kmsKeyId: KMS_KEY, admins: ['platform-admin'],
      clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    });
    cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
    RuleSuppressions.add(group, [{ id: 'SEC-007', reason: REASON }]);
    expect(synthError(chart)).toContain('SEC-007 [Platform/kafka/Kafka/NetworkPolicies/AllowClients] the suppression of SEC-007 on Platform covers a whole app, stack or chart; expected SEC-007 suppressed only on the resource it applies to in production');
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

describe('root suppressions of MON, SLO, PERF and CAP rules need an acknowledgment in production (issue #13)', () => {
  const MON_REASON = 'Monitoring of this cluster is provided by the platform team in another repository.';

  it('refuses MON-001 suppressed at the chart root in production without acknowledgeWholeScope', () => {
    const { chart } = statefulSetChart({ enforceMonitoringRules: true });
    RuleSuppressions.add(chart, MONITORING_RULE_IDS.map((id) => ({ id, reason: MON_REASON })));
    const message = synthError(chart);
    expect(message).toMatch(/MON-001 \[[^\]]+\] .*the suppression of MON-001 on kafka covers a whole app, stack or chart; expected MON-001 suppressed on the resource it applies to in production, or at the root with acknowledgeWholeScope: true/);
  });

  it('honours it with acknowledgeWholeScope: true, and the report says where it is attached', () => {
    const { chart } = statefulSetChart({ enforceMonitoringRules: true });
    RuleSuppressions.add(chart, MONITORING_RULE_IDS.map((id) => ({ id, reason: MON_REASON, acknowledgeWholeScope: true })));
    expect(chart.node.validate()).toEqual([]);
    expect(chart.complianceReport.entries.find((e) => e.ruleId === 'MON-001')).toMatchObject({ status: 'suppressed', suppression: { attachedTo: 'kafka' } });
  });

  it('never honours the acknowledgment for an HA, SEC or DR rule', () => {
    const { chart } = openToInternet();
    RuleSuppressions.add(chart, [{ id: 'SEC-007', reason: REASON, acknowledgeWholeScope: true }]);
    expect(synthError(chart)).toContain('expected SEC-007 suppressed only on the resource it applies to in production');
  });

  it('refuses an acknowledgment that is not a boolean', () => {
    const { chart } = statefulSetChart();
    expect(() => RuleSuppressions.add(chart, [{ id: 'MON-001', reason: MON_REASON, acknowledgeWholeScope: 'yes' as any }])).toThrow(/^KIAC-SUPPRESS \[kafka\] acknowledgeWholeScope of MON-001 is 'yes'/);
  });
});

describe('unused suppressions are reported as a warning (issue #13)', () => {
  const reason = 'The partner cluster is sized by the partner, who owns its capacity plan.';

  it('lists a suppression that matched no finding in report.json and report.md, without changing any count', () => {
    const plain = statefulSetChart();
    expect(plain.chart.node.validate()).toEqual([]);
    const { chart, cluster } = statefulSetChart();
    RuleSuppressions.add(cluster, [{ id: 'HA-001', reason }]);
    expect(chart.node.validate()).toEqual([]);
    const report = chart.complianceReport!;
    expect(report.unusedSuppressions()).toContainEqual(expect.objectContaining({ id: 'HA-001', reason, attachedTo: 'kafka/Kafka' }));
    expect((report.toJson().unusedSuppressions as unknown[])).toContainEqual({ level: 'warning', id: 'HA-001', attachedTo: 'kafka/Kafka', reason });
    expect(report.toMarkdown()).toMatch(/## Unused suppressions\n\nWarning: \d+ suppression\(s\) matched no finding\./);
    expect(report.toMarkdown()).toContain(`| HA-001 | \`kafka/Kafka\` | ${reason} |`);
    expect(report.summary()).toEqual(plain.chart.complianceReport!.summary());
  });

  it('does not list a suppression that a finding used', () => {
    const { chart, cluster } = openToInternet();
    RuleSuppressions.add(cluster.networkPolicies.allowClients, [{ id: 'SEC-007', reason: REASON }]);
    chart.node.validate();
    expect(chart.complianceReport.unusedSuppressions().map((s) => s.id)).not.toContain('SEC-007');
  });
});

describe('what counts as a reason: both sides of each limit (RuleSuppressions.add)', () => {
  // A bare root construct: no resource to annotate, path '<root>'.
  const root = () => new Construct(undefined as unknown as Construct, '');
  const accepts = (reason: unknown) => {
    const scope = root();
    RuleSuppressions.add(scope, [{ id: 'SEC-007', reason: reason as string }]);
    return RuleSuppressions.of(scope);
  };
  const refuses = (reason: unknown) => expect(() => accepts(reason), String(reason)).toThrow(/^KIAC-SUPPRESS \[<root>\]/);

  it('needs 20 characters after trimming: 19 refused, 20 accepted', () => {
    refuses('abcd efgh ijkl mnop');
    refuses('    abcd efgh ijkl mnop    ');
    expect(accepts('abcd efgh ijkl mnopq')).toEqual([{ id: 'SEC-007', reason: 'abcd efgh ijkl mnopq' }]);
  });

  it('stores the reason trimmed', () => {
    expect(accepts('  Partner link filters by source address.  ')[0]!.reason).toBe('Partner link filters by source address.');
  });

  it('needs four words with letters: three refused, four accepted; numbers are not words', () => {
    refuses('alphabetical braveries charlies');
    refuses('1234 5678 90 alphabetical braveries charlies');
    expect(accepts('alphabetical braveries charlies deltas')).toHaveLength(1);
  });

  it('needs four distinct words, case and punctuation aside', () => {
    refuses('alpha bravo charlie alpha');
    refuses('Alpha alpha, ALPHA alpha. bravo charlie');
    expect(accepts('alpha bravo charlie delta')).toHaveLength(1);
  });

  it('refuses a reason that is mostly repetition: distinct words must be more than half the words', () => {
    refuses('alpha bravo charlie delta alpha bravo charlie delta');
    expect(accepts('alpha bravo charlie delta alpha bravo charlie')).toHaveLength(1);
  });

  it('refuses a reason that is not a string, and names the path and the rule', () => {
    refuses(42);
    refuses(undefined);
    expect(() => accepts('todo: explain why this rule is off')).toThrow(/^KIAC-SUPPRESS \[<root>\].*SEC-007/);
  });

  it('finds no suppression on a construct that has none', () => {
    expect(RuleSuppressions.of(root())).toEqual([]);
  });
});
