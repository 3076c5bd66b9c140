import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { mskStack } from '../support/msk-stack';

function alarms(): any[] {
  const { stack, cluster } = mskStack();
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: 3 });
  return Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.aws_cloudwatch_metric_alarm);
}

describe('MSK CloudWatch alarms read what they claim', () => {
  const all = alarms();

  it('ActiveControllerCount is summed over the nodes, so two active controllers read 2, not 1', () => {
    // AWS MSK developer guide, "Metrics for monitoring Standard brokers": ActiveControllerCount
    // "Only one controller per cluster should be active at any given time" (each node reports 0 or 1).
    const alarm = all.find((a) => a.alarm_name.endsWith('active-controller-count'));
    const controllers = alarm.metric_query.find((q: any) => q.id === 'controllers');
    expect(controllers.metric.stat).toBe('Sum');
  });

  it('the network alarm counts replication traffic too (ReplicationBytesInPerSec / OutPerSec)', () => {
    const alarm = all.find((a) => /broker-1-network$/.test(a.alarm_name));
    const names = alarm.metric_query.filter((q: any) => q.metric).map((q: any) => q.metric.metric_name);
    expect(names).toEqual(expect.arrayContaining(['BytesInPerSec', 'BytesOutPerSec', 'ReplicationBytesInPerSec', 'ReplicationBytesOutPerSec']));
    expect(alarm.metric_query.find((q: any) => q.return_data).expression).toContain('FILL(rin, 0) + FILL(rout, 0)');
  });
});
