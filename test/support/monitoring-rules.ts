import type { IConstruct } from 'constructs';
import { RuleRegistry } from '../../lib/rules/registry';
import { RuleSuppressions } from '../../lib/rules/suppressions';

/** The MON and SLO rules: every Kafka cluster carries its generated monitoring, SLOs included. */
export const MONITORING_RULE_IDS: readonly string[] = RuleRegistry.all().map((r) => r.id).filter((id) => id.startsWith('MON-') || id.startsWith('SLO-'));

/**
 * Suppresses the MON and SLO rules on a fixture that tests something else (a construct, the HA
 * or SEC rules), the way a user would: with a reason. Those rules are proven both ways in
 * test/rules/mon-*.test.ts and test/rules/slo-*.test.ts, on fixtures that do not call this, and on every example
 * environment.
 */
export function suppressMonitoringRules(scope: IConstruct): void {
  RuleSuppressions.add(scope, MONITORING_RULE_IDS.map((id) => ({
    id,
    reason: 'Unit-test fixture for other rules; the monitoring and SLO rules are proven in test/rules/mon, test/rules/slo and on the example environments.',
    // Attached to the stack or chart: in staging and production that needs the acknowledgment.
    acknowledgeWholeScope: true,
  })));
}
