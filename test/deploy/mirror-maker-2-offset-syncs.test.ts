import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Testing as Cdk8sTesting } from 'cdk8s';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Environment } from '../../lib/model/environment';
import { OffsetSyncsTopicLocation } from '../../lib/model/dr/offset-syncs-topic-location';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { exampleDist } from '../support/paths';
import { SCRATCH_APP } from '../support/scratch';

/*
 * apache/kafka connect/mirror MirrorSourceConfig.java and MirrorCheckpointConfig.java:
 *   String offsetSyncsTopic() {
 *     String otherClusterAlias = SOURCE_CLUSTER_ALIAS_DEFAULT.equals(offsetSyncsTopicLocation())
 *         ? targetClusterAlias() : sourceClusterAlias();
 *     return replicationPolicy().offsetSyncsTopic(otherClusterAlias);
 *   }
 * and ReplicationPolicy.offsetSyncsTopic(alias) = "mm2-offset-syncs." + alias + ".internal".
 * With offset-syncs.topic.location=target the topic is mm2-offset-syncs.<source alias>.internal.
 */
describe('MirrorMaker 2 offset-syncs topic with offset-syncs.topic.location: target', () => {
  const objects = parseAllDocuments(fs.readFileSync(path.join(exampleDist('staging-dr'), 'kafka.k8s.yaml'), 'utf8')).map((d) => d.toJS());
  const mm2 = objects.find((o) => o.kind === 'KafkaMirrorMaker2')!;
  const mirror = mm2.spec.mirrors[0];

  it('the staging-dr example runs with the location target on both connectors', () => {
    expect(mirror.sourceConnector.config['offset-syncs.topic.location']).toBe(OffsetSyncsTopicLocation.TARGET);
    expect(mirror.checkpointConnector.config['offset-syncs.topic.location']).toBe(OffsetSyncsTopicLocation.TARGET);
  });

  it('the target KafkaUser may write the topic Kafka really uses, mm2-offset-syncs.<source alias>.internal', () => {
    const sourceAlias = mirror.source?.alias ?? mirror.sourceCluster;
    expect(sourceAlias).toBe('staging');
    const expected = `mm2-offset-syncs.${sourceAlias}.internal`;
    const targetUser = objects.find((o) => o.kind === 'KafkaUser' && (o.spec.authorization?.acls ?? []).some((a: any) => a.resource.name === 'staging.checkpoints.internal'))!;
    const topics = targetUser.spec.authorization.acls.filter((a: any) => a.resource.type === 'topic').map((a: any) => a.resource.name);
    expect(topics).toContain(expected);
    expect(topics).not.toContain('mm2-offset-syncs.staging-dr.internal');
  });
});

describe('MirrorMaker 2 connectors are alerted on (MON-010)', () => {
  it('KafkaMirrorMaker2CheckpointsDown watches the checkpoint connector, as KafkaMirrorMaker2Down watches the source connector', () => {
    const environment = Environment.production({ name: 'staging-dr', region: 'us-west-2' });
    const chart = new KafkaChart(Cdk8sTesting.app(SCRATCH_APP), 'kafka', { environment });
    const m = new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, replicationRpo: PrometheusDuration.minutes(5) });
    const alerts = m.groups.flatMap((g) => g.alerts);
    const checkpoints = alerts.find((a) => a.alert === 'KafkaMirrorMaker2CheckpointsDown')!;
    // Strimzi names connectors `<source alias>-><target alias>.MirrorCheckpointConnector`; the task
    // status comes from Strimzi's kafka-mirror-maker-2-metrics.yaml rule for connector-task-metrics.
    expect(checkpoints.expr).toContain('kafka_connect_connector_task_status');
    expect(checkpoints.expr).toContain('connector=~".*MirrorCheckpointConnector.*"');
    expect(checkpoints.ruleId).toBe('MON-010');
    expect(alerts.find((a) => a.alert === 'KafkaMirrorMaker2Down')!.expr).toContain('MirrorSourceConnector');
  });
});
