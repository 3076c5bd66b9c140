// Self-healing as configuration (docs/scaling.md): the probes, PodDisruptionBudgets and restart
// policies that let Kubernetes heal a failed broker without losing quorum, read from the output
// of each Kubernetes target. MSK heals brokers itself (AWS replaces a failed broker); nothing of
// it is configurable, so nothing is read here.
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { KAFKA_PROBE, KAFKA_TERMINATION_GRACE_PERIOD_SECONDS } from '../../../lib/targets/strimzi/strimzi-kafka-cluster';
import { statefulSetChart } from '../../support/statefulset-fixture';
import { strimziChart, synth } from '../../support/strimzi-fixture';

describe('self-healing on Strimzi (production)', () => {
  const objects = synth(strimziChart({ profile: EnvironmentProfile.PRODUCTION }).chart);
  const kafka = objects.find((o) => o.kind === 'Kafka')!;
  const pools = objects.filter((o) => o.kind === 'KafkaNodePool');

  it('writes the liveness and readiness probes of the Kafka containers', () => {
    expect(kafka.spec.kafka.livenessProbe).toEqual({ initialDelaySeconds: 15, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 3 });
    expect(kafka.spec.kafka.readinessProbe).toEqual(KAFKA_PROBE);
  });

  it('allows one disrupted Kafka pod at a time (the PodDisruptionBudget Strimzi writes over every node-pool pod)', () => {
    expect(kafka.spec.kafka.template.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });

  it('gives every node pool pod 120 s to shut down cleanly, and leaves the restart policy to the pod set (Always)', () => {
    expect(pools.map((p) => [p.metadata.name, p.spec.template.pod.terminationGracePeriodSeconds])).toEqual([
      ['controller', KAFKA_TERMINATION_GRACE_PERIOD_SECONDS], ['broker', KAFKA_TERMINATION_GRACE_PERIOD_SECONDS],
    ]);
    // Strimzi's pod template has no restartPolicy: StrimziPodSet pods always restart.
    for (const p of pools) expect(p.spec.template.pod.restartPolicy).toBeUndefined();
  });
});

describe('self-healing on the StatefulSet target (production)', () => {
  const { chart } = statefulSetChart({ profile: EnvironmentProfile.PRODUCTION });
  const objects = synth(chart);
  const statefulSets = objects.filter((o) => o.kind === 'StatefulSet');
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');

  it('gives each Kafka container startup, readiness and liveness probes', () => {
    expect(statefulSets.length).toBeGreaterThanOrEqual(2);
    for (const s of statefulSets) {
      const kafka = s.spec.template.spec.containers.find((c: any) => c.name === 'kafka');
      expect(Object.keys(kafka).filter((k) => k.endsWith('Probe')).sort(), s.metadata.name).toEqual(['livenessProbe', 'readinessProbe', 'startupProbe']);
    }
  });

  it('restarts failed pods (restartPolicy Always, the only one a StatefulSet accepts) and rolls updates one pod at a time', () => {
    for (const s of statefulSets) {
      expect([undefined, 'Always']).toContain(s.spec.template.spec.restartPolicy);
      expect(s.spec.updateStrategy?.type ?? 'RollingUpdate').toBe('RollingUpdate');
      expect(s.spec.template.spec.terminationGracePeriodSeconds).toBe(120);
    }
  });

  it('has one PodDisruptionBudget with maxUnavailable 1 over every Kafka pod, whatever its role (one Kafka node at a time)', () => {
    expect(pdbs.map((p) => p.spec.maxUnavailable)).toEqual([1]);
    for (const s of statefulSets) {
      const labels = s.spec.template.metadata.labels;
      const covering = pdbs.filter((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
      expect(covering.map((p) => p.metadata.name), s.metadata.name).toEqual(['orders-kafka']);
    }
  });
});
