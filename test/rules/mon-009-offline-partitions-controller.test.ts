// MON-009: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_009_OFFLINE_PARTITIONS_CONTROLLER } from '../../lib/rules/mon-009-offline-partitions-controller';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

describeMonitoringRule(MON_009_OFFLINE_PARTITIONS_CONTROLLER, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });
