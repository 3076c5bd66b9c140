// MON-003: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_003_CONSUMER_LAG_CRITICAL } from '../../lib/rules/mon-003-consumer-lag-critical';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

describeMonitoringRule(MON_003_CONSUMER_LAG_CRITICAL, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });
