// MON-012: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_012_UNDER_MIN_ISR } from '../../lib/rules/mon-012-under-min-isr';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

describeMonitoringRule(MON_012_UNDER_MIN_ISR, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });
