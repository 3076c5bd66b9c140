// Cruise Control on StrimziKafkaCluster: on by default in staging and production, hard goals that
// keep rack awareness and disk capacity, autoRebalance on scale-up and scale-down through
// KafkaRebalance templates, and its JMX exporter. Field names are those of the Strimzi 1.2 Kafka
// and KafkaRebalance CRDs (spec.cruiseControl.autoRebalance[].mode/template.name; the template
// annotation `strimzi.io/rebalance-template: "true"`), as in Strimzi's
// packaging/examples/cruise-control/kafka-cruise-control-auto-rebalancing.yaml; the objects are
// validated against those CRDs.
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { strimziChart, synth } from '../../support/strimzi-fixture';
import { validateStrimziObject } from '../../support/strimzi-schemas';

const GOALS = 'com.linkedin.kafka.cruisecontrol.analyzer.goals';

describe('Cruise Control on Strimzi', () => {
  for (const profile of [EnvironmentProfile.STAGING, EnvironmentProfile.PRODUCTION]) {
    it(`runs by default in ${profile}, with rack-aware and disk-capacity hard goals and auto-rebalance on scaling`, () => {
      const { chart } = strimziChart({ profile });
      const objects = synth(chart);
      const kafka = objects.find((o) => o.kind === 'Kafka')!;
      const cc = kafka.spec.cruiseControl;
      expect(cc.config['hard.goals'].split(',')).toEqual([`${GOALS}.RackAwareGoal`, `${GOALS}.ReplicaCapacityGoal`, `${GOALS}.DiskCapacityGoal`]);
      expect(cc.config['default.goals'].split(',').slice(0, 3)).toEqual(cc.config['hard.goals'].split(','));
      expect(cc.autoRebalance).toEqual([
        { mode: 'add-brokers', template: { name: 'orders-add-brokers-template' } },
        { mode: 'remove-brokers', template: { name: 'orders-remove-brokers-template' } },
      ]);
      const templates = objects.filter((o) => o.kind === 'KafkaRebalance');
      expect(templates.map((t) => [t.metadata.name, t.metadata.annotations['strimzi.io/rebalance-template'], t.metadata.labels['strimzi.io/cluster']])).toEqual([
        ['orders-add-brokers-template', 'true', 'orders'],
        ['orders-remove-brokers-template', 'true', 'orders'],
      ]);
      // A template carries no mode and no brokers: the operator fills both in on scaling.
      for (const t of templates) {
        expect(t.spec.mode).toBeUndefined();
        expect(t.spec.brokers).toBeUndefined();
        expect(t.spec.goals.slice(0, 3)).toEqual(['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal']);
      }
    });
  }

  it('exports Cruise Control metrics with Strimzi\'s JMX exporter rule', () => {
    const { chart } = strimziChart({ profile: EnvironmentProfile.STAGING });
    const objects = synth(chart);
    const kafka = objects.find((o) => o.kind === 'Kafka')!;
    expect(kafka.spec.cruiseControl.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'orders-cruise-control-metrics', key: 'metrics-config.yml' } },
    });
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'orders-cruise-control-metrics')!;
    expect(config.data['metrics-config.yml']).toContain('- pattern: kafka.cruisecontrol<name=(.+)><>(\\w+)\n  name: kafka_cruisecontrol_$1_$2');
  });

  it('is off in development unless asked for, and autoRebalance can be turned off', () => {
    const dev = synth(strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } as any }).chart);
    expect(dev.find((o) => o.kind === 'Kafka')!.spec.cruiseControl).toBeUndefined();
    expect(dev.some((o) => o.kind === 'KafkaRebalance')).toBe(false);
    const noAuto = synth(strimziChart({ profile: EnvironmentProfile.STAGING, cluster: { cruiseControl: { autoRebalance: false } } }).chart);
    expect(noAuto.find((o) => o.kind === 'Kafka')!.spec.cruiseControl.autoRebalance).toBeUndefined();
    expect(noAuto.some((o) => o.kind === 'KafkaRebalance')).toBe(false);
  });

  it('writes a replication throttle into the templates when given', () => {
    const objects = synth(strimziChart({ profile: EnvironmentProfile.STAGING, cluster: { cruiseControl: { replicationThrottleBytesPerSecond: 50_000_000 } } }).chart);
    expect(objects.filter((o) => o.kind === 'KafkaRebalance').map((t) => t.spec.replicationThrottle)).toEqual([50_000_000, 50_000_000]);
  });

  it('is accepted by the Strimzi 1.2 Kafka and KafkaRebalance CRD schemas', () => {
    const objects = synth(strimziChart({ profile: EnvironmentProfile.STAGING }).chart);
    const strimzi = objects.filter((o) => String(o.apiVersion).startsWith('kafka.strimzi.io/'));
    expect(strimzi.map((o) => o.kind)).toEqual(expect.arrayContaining(['Kafka', 'KafkaRebalance']));
    expect(strimzi.flatMap((o) => validateStrimziObject(o).map((e) => `${o.kind}/${o.metadata.name}${e.path}: ${e.message}`))).toEqual([]);
  });

  it('the CRD schema rejects a misspelt autoRebalance mode', () => {
    const kafka = structuredClone(synth(strimziChart({ profile: EnvironmentProfile.STAGING }).chart).find((o) => o.kind === 'Kafka')!);
    kafka.spec.cruiseControl.autoRebalance[0].mode = 'add-broker';
    expect(validateStrimziObject(kafka).map((e) => e.path)).toContain('/spec/cruiseControl/autoRebalance/0/mode');
  });
});
