import { MSK_MAX_BROKERS_PER_CLUSTER } from '../../model/grammar/limits';
import { checkInteger } from '../../model/grammar/numbers';

/**
 * MON-001: the `brokers` prop of an MSK monitoring construct (MskPrometheusMonitoring,
 * MskCloudWatchAlarms) is the cluster's `number_of_broker_nodes`, from 1 to the MSK quota.
 */
export function checkMonitoredBrokers(path: string, brokers: number): void {
  checkInteger(brokers, { code: 'MON-001', path, prop: 'brokers' }, {
    min: 1, max: MSK_MAX_BROKERS_PER_CLUSTER, limitOf: 'MSK brokers-per-cluster quota',
    fix: `Set brokers to number_of_broker_nodes, from 1 to ${MSK_MAX_BROKERS_PER_CLUSTER} (the MSK quota for a KRaft cluster).`,
  });
}
