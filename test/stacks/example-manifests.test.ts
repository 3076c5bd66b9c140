import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleDist } from '../support/paths';

function manifests(env: string): Record<string, any>[] {
  const dir = exampleDist(env);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()));
}

function kinds(objects: readonly Record<string, any>[]): Record<string, number> {
  const count: Record<string, number> = {};
  for (const o of objects) count[o.kind] = (count[o.kind] ?? 0) + 1;
  return count;
}

// The production, dr and staging examples have their snapshots next to their own tests
// (test/targets/msk/example-stacks.test.ts, test/targets/strimzi). These are the other two, each
// paired with the assertions that say what the snapshot must hold.
describe('the development example (StatefulSet)', () => {
  const objects = manifests('development');

  it('is one combined KRaft node with its access Job, NetworkPolicies and monitoring', () => {
    expect(kinds(objects)).toMatchObject({ StatefulSet: 1, Job: 1, PodDisruptionBudget: 1, PrometheusRule: 1, PodMonitor: 3, StorageClass: 1, Certificate: 1, AlertmanagerConfig: 1 });
    const node = objects.find((o) => o.kind === 'StatefulSet')!;
    expect(node.spec.replicas).toBe(1);
    expect(node.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(objects.filter((o) => o.kind === 'NetworkPolicy').length).toBeGreaterThanOrEqual(3);
  });

  it('matches the snapshot (a change detector; the assertions above are the proof)', () => {
    expect(objects).toMatchSnapshot();
  });
});

describe('the staging-dr example (Strimzi, MirrorMaker 2 from staging)', () => {
  const objects = manifests('staging-dr');

  it('is a 3 + 3 node Strimzi cluster with the shop topics and users and one KafkaMirrorMaker2', () => {
    expect(kinds(objects)).toMatchObject({ Kafka: 1, KafkaNodePool: 2, KafkaTopic: 4, KafkaMirrorMaker2: 1, PrometheusRule: 1, AlertmanagerConfig: 1 });
    const pools = objects.filter((o) => o.kind === 'KafkaNodePool');
    expect(pools.map((p) => [p.spec.roles, p.spec.replicas])).toEqual([[['controller'], 3], [['broker'], 3]]);
    const mm2 = objects.find((o) => o.kind === 'KafkaMirrorMaker2')!;
    expect(mm2.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(mm2.spec.mirrors).toHaveLength(1);
    const users = objects.filter((o) => o.kind === 'KafkaUser').map((u) => u.metadata.name);
    expect(users).toContain('kafka-admin');
    expect(users.some((u) => /mirror-maker-2/.test(u))).toBe(true);
  });

  it('matches the snapshot (a change detector; the assertions above are the proof)', () => {
    expect(objects).toMatchSnapshot();
  });
});
