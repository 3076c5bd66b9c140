// MON-007: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_007_NETWORK_THROUGHPUT } from '../../lib/rules/mon-007-network-throughput';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';

// The network alarm's threshold is a fraction of the link's capacity.
// The CloudWatch metric names (BytesInPerSec and BytesOutPerSec, dimensions Cluster Name and Broker ID) are those of
// https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html (DEFAULT level).
describeMonitoringRule(MON_007_NETWORK_THROUGHPUT, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 0.15, metrics: ['BytesInPerSec', 'BytesOutPerSec'], perBroker: true });
