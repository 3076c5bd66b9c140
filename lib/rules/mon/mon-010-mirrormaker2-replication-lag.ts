import { alertsOf } from './cluster-monitoring';
import { apiGroupOf } from '../document';
import { Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../rule';

/**
 * MON-010: MirrorMaker 2 replication lag beyond the declared RPO (critical). Applies to each Strimzi `KafkaMirrorMaker2`: some PrometheusRule of the
 * synthesis has an alert with rule_id MON-010 (KafkaPrometheusMonitoring with `replicationRpo`).
 * Not applicable on MSK (no MirrorMaker 2 resource in Terraform).
 */
export const MON_010_MIRRORMAKER2_REPLICATION_LAG: Rule = {
  id: 'MON-010',
  level: RuleLevel.WARNING,
  title: 'MirrorMaker 2 replication lag beyond the declared RPO (critical)',
  explanation: 'A DR copy behind its RPO loses more data on failover than promised.',
  remediation: 'Declare the RPO: new KafkaPrometheusMonitoring(chart, id, { ..., replicationRpo: PrometheusDuration.minutes(5) }).',
  targets: [RuleTarget.STRIMZI],
  check(doc, ctx) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'KafkaMirrorMaker2' || apiGroupOf(doc) !== 'kafka.strimzi.io') return NOT_APPLICABLE;
    const f = new Findings();
    const alerts = ctx.index.kubernetes('PrometheusRule').flatMap(alertsOf).filter((a) => a.labels.rule_id === 'MON-010');
    f.expect(alerts.length > 0, { found: `no PrometheusRule has a MON-010 alert for KafkaMirrorMaker2 ${doc.name}`, expected: 'an alert on replication latency beyond the declared RPO' });
    return f.outcome();
  },
};
