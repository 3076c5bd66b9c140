// MON-008: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_008_REQUEST_LATENCY } from '../../lib/rules/mon-008-request-latency';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

describeMonitoringRule(MON_008_REQUEST_LATENCY, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });
