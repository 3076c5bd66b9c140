// Which target a synthesized document belongs to (lib/contract/rule-target.ts): what every rule
// asks of every document before it reads it.
import { describe, expect, it } from 'vitest';
import { apiGroupOf, type KubernetesDocument } from '../../lib/contract/document';
import { RuleTarget, targetOf } from '../../lib/contract/rule-target';

const k8s = (apiVersion: string, labels?: Record<string, string>): KubernetesDocument => ({
  source: 'kubernetes', apiVersion, kind: 'Thing', name: 'x', path: 'chart/x', body: { apiVersion, kind: 'Thing', metadata: { name: 'x', labels } },
});

describe('targetOf', () => {
  it('puts every object of the kafka.strimzi.io API group on Strimzi, whatever its version', () => {
    for (const v of ['kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2', 'kafka.strimzi.io/']) expect(targetOf(k8s(v)), v).toBe(RuleTarget.STRIMZI);
  });

  it('reads the group as apiGroupOf does: a longer group, a group without a version or the core group is not Strimzi', () => {
    for (const v of ['kafka.strimzi.iox/v1', 'xkafka.strimzi.io/v1', 'kafka.strimzi.io', 'v1', 'core.strimzi.io/v1beta2', 'kafka.strimzi/io/v1']) {
      expect(apiGroupOf(k8s(v)), v).not.toBe('kafka.strimzi.io');
      expect(targetOf(k8s(v)), v).toBeUndefined();
    }
  });

  it('puts other objects on the target their label names, and Terraform resources of MSK on MSK', () => {
    expect(targetOf(k8s('apps/v1', { 'kafka-iac.dev/target': 'statefulset' }))).toBe(RuleTarget.STATEFULSET);
    expect(targetOf(k8s('v1', { 'kafka-iac.dev/target': 'strimzi' }))).toBe(RuleTarget.STRIMZI);
    expect(targetOf(k8s('v1', { 'kafka-iac.dev/target': 'msk' }))).toBeUndefined();
    expect(targetOf({ source: 'terraform', type: 'aws_msk_cluster', name: 'k', address: 'aws_msk_cluster.k', path: 's/k', body: {} })).toBe(RuleTarget.MSK);
    expect(targetOf({ source: 'terraform', type: 'aws_vpc', name: 'v', address: 'aws_vpc.v', path: 's/v', body: {} })).toBeUndefined();
  });
});
