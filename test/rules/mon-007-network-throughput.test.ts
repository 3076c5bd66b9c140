// MON-007: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_007_NETWORK_THROUGHPUT } from '../../lib/rules/mon-007-network-throughput';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

// The network alarm's threshold is a fraction of the link's capacity.
// The CloudWatch metric names (BytesInPerSec and BytesOutPerSec, dimensions Cluster Name and Broker ID) are those of
// https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html (DEFAULT level).
describeMonitoringRule(MON_007_NETWORK_THROUGHPUT, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 0.15, metrics: ['BytesInPerSec', 'BytesOutPerSec'], perBroker: true });

// The threshold and severity of MON-007 as the rules specification (RULES.md, the table of MON rules) gives them.
describe('MON-007 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_007_NETWORK_THROUGHPUT).toMatchObject({ id: 'MON-007', title: titleWith('> 80%', 'warning') });
  });
});
