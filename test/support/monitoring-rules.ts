import type { IConstruct } from 'constructs';
import { RuleRegistry } from '../../lib/rules/registry';
import { RuleSuppressions } from '../../lib/rules/suppressions';

/** The MON rules: every Kafka cluster in staging and production carries its generated monitoring. */
export const MONITORING_RULE_IDS: readonly string[] = RuleRegistry.all().map((r) => r.id).filter((id) => id.startsWith('MON-'));

/**
 * Suppresses the MON rules on a fixture that tests something else (a construct, the HA or SEC
 * rules), the way a user would: with a reason. The MON rules themselves are proven both ways in
 * test/rules/mon, on fixtures that do not call this, and on every example environment.
 */
export function suppressMonitoringRules(scope: IConstruct): void {
  RuleSuppressions.add(scope, MONITORING_RULE_IDS.map((id) => ({
    id,
    reason: 'Unit-test fixture for other rules; the monitoring rules are proven in test/rules/mon and on the example environments.',
  })));
}
