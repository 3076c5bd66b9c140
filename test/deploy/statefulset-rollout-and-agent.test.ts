import { describe, expect, it } from 'vitest';
import { JMX_EXPORTER_1_1_0_SHA256, JmxExporterAgent } from '../../lib/targets/statefulset/jmx-exporter-agent';
import { KAFKA_MIN_READY_SECONDS } from '../../lib/targets/statefulset/kafka-node-set';
import { statefulSetChart, synth } from '../support/statefulset-fixture';

/*
 * Kubernetes StatefulSet spec.minReadySeconds: "Minimum number of seconds for which a newly
 * created pod should be ready without any of its container crashing for it to be considered
 * available" (apps/v1 StatefulSetSpec); the RollingUpdate strategy waits for each updated pod to
 * be available before it moves on.
 * jmx_exporter: the agent jar is published as a GitHub release asset
 * (github.com/prometheus/jmx_exporter/releases/download/1.1.0/jmx_prometheus_javaagent-1.1.0.jar);
 * its SHA-256 2d158db7…c9f1 is the one public provisioning scripts pin for that asset (JMX_SHA256).
 */
describe('StatefulSet target: rollouts wait for ready brokers, and the JMX agent is verified', () => {
  it('every Kafka StatefulSet has minReadySeconds', () => {
    const { chart } = statefulSetChart();
    const sets = synth(chart).filter((o) => o.kind === 'StatefulSet');
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) expect(s.spec.minReadySeconds).toBe(KAFKA_MIN_READY_SECONDS);
    expect(KAFKA_MIN_READY_SECONDS).toBeGreaterThanOrEqual(30);
  });

  it('the default agent download is checked against the pinned SHA-256 before the JVM loads it', () => {
    const { chart } = statefulSetChart();
    const set = synth(chart).find((o) => o.kind === 'StatefulSet')!;
    const init = set.spec.template.spec.initContainers.find((c: any) => c.name === 'jmx-exporter-agent');
    const script: string = init.command[2];
    expect(script).toContain('https://github.com/prometheus/jmx_exporter/releases/download/1.1.0/jmx_prometheus_javaagent-1.1.0.jar');
    expect(script).toContain(`echo "${JMX_EXPORTER_1_1_0_SHA256}  /opt/jmx-exporter/jmx_prometheus_javaagent.jar" | sha256sum -c -`);
    expect(script.indexOf('sha256sum')).toBeGreaterThan(script.indexOf('curl'));
    expect(script.startsWith('set -eu')).toBe(true);
  });

  it('refuses a download of another version without its checksum', () => {
    expect(() => JmxExporterAgent.download('1.2.0')).toThrow(/KIAC-PROP \[JmxExporterAgent.download\] sha256 is 'none'; expected the jar's SHA-256.*an unverified jar is not loaded/);
    expect(JmxExporterAgent.download('1.2.0', 'b'.repeat(64)).command[2]).toContain(`echo "${'b'.repeat(64)}  `);
  });
});
