import type { Construct } from 'constructs';
import { IntOrString, KubeNetworkPolicy, type LabelSelector, type NetworkPolicyIngressRule, type NetworkPolicyPort } from '../../imports/k8s';

// Internal to the Kubernetes targets: no entry point re-exports this module.

/**
 * An ingress NetworkPolicy named `name`: the pods `podSelector` selects refuse the ingress that
 * no rule of `ingress` allows (without rules, all of it: a deny-by-default policy). The
 * NetworkPolicies of both Kubernetes targets are written with it.
 */
export function ingressNetworkPolicy(scope: Construct, id: string, name: string, labels: Readonly<Record<string, string>>, podSelector: LabelSelector, ingress?: NetworkPolicyIngressRule[]): KubeNetworkPolicy {
  return new KubeNetworkPolicy(scope, id, {
    metadata: { name, labels: { ...labels } },
    spec: { podSelector, policyTypes: ['Ingress'], ...(ingress ? { ingress } : {}) },
  });
}

/** The TCP `ports` of a NetworkPolicy rule. */
export function tcpPorts(...ports: number[]): NetworkPolicyPort[] {
  return ports.map((port) => ({ protocol: 'TCP', port: IntOrString.fromNumber(port) }));
}
