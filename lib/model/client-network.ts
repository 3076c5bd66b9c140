import { KafkaIacError } from './errors';

/** What kind of source a client network is. */
export enum ClientNetworkKind {
  /** An IPv4 CIDR block (AWS security group rule). */
  CIDR = 'cidr',
  /** An AWS security group (by ID or token). */
  SECURITY_GROUP = 'security-group',
  /** Kubernetes pods selected by namespace and/or pod labels (NetworkPolicy peer). */
  KUBERNETES_PEER = 'kubernetes-peer',
}

/**
 * A network allowed to reach the brokers' listener ports. Never the whole internet:
 * `0.0.0.0/0` and `::/0` are refused (SEC-007).
 * @see SEC-007
 */
export class ClientNetwork {
  /** An IPv4 CIDR block inside your private address space, such as `10.20.0.0/16`. */
  public static cidr(cidr: string, description?: string): ClientNetwork {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const valid = m !== null && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
    if (!valid) {
      throw KafkaIacError.grammar({
        code: 'SEC-007', path: 'ClientNetwork', prop: 'cidr', found: cidr,
        grammar: 'an IPv4 CIDR block such as 10.20.0.0/16', fix: 'Write the network as a.b.c.d/n.',
      });
    }
    if (Number(m![5]) === 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-007', path: 'ClientNetwork', prop: 'cidr', found: cidr,
        expected: 'a declared client network, never the whole internet',
        fix: 'Name the client subnets or VPC CIDR (for example 10.20.0.0/16), or a client security group.',
      });
    }
    return new ClientNetwork(ClientNetworkKind.CIDR, cidr, description ?? `clients ${cidr}`);
  }

  /** An AWS security group whose members may connect. */
  public static securityGroup(securityGroupId: string, description?: string): ClientNetwork {
    if (typeof securityGroupId !== 'string' || securityGroupId.length === 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-007', path: 'ClientNetwork', prop: 'securityGroupId', found: securityGroupId,
        expected: 'a security group ID such as sg-0123456789abcdef0', fix: 'Pass the client security group ID.',
      });
    }
    return new ClientNetwork(ClientNetworkKind.SECURITY_GROUP, securityGroupId, description ?? `clients in ${securityGroupId}`);
  }

  /**
   * Kubernetes pods: those matching `podLabels` in namespaces matching `namespaceLabels`.
   * At least one selector is needed; an empty peer would admit every pod.
   */
  public static kubernetesPeer(props: {
    readonly namespaceLabels?: Readonly<Record<string, string>>;
    readonly podLabels?: Readonly<Record<string, string>>;
    readonly description?: string;
  }): ClientNetwork {
    const ns = props.namespaceLabels ?? {};
    const pods = props.podLabels ?? {};
    if (Object.keys(ns).length + Object.keys(pods).length === 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-007', path: 'ClientNetwork', prop: 'kubernetesPeer', found: props,
        expected: 'namespaceLabels and/or podLabels with at least one label',
        fix: "Select the client workloads, for example { podLabels: { app: 'orders' } }.",
      });
    }
    return new ClientNetwork(ClientNetworkKind.KUBERNETES_PEER, JSON.stringify({ ns, pods }), props.description ?? 'kubernetes clients', ns, pods);
  }

  private constructor(
    public readonly kind: ClientNetworkKind,
    /** The CIDR, the security group ID, or (for a Kubernetes peer) a JSON key. */
    public readonly value: string,
    public readonly description: string,
    public readonly namespaceLabels: Readonly<Record<string, string>> = {},
    public readonly podLabels: Readonly<Record<string, string>> = {},
  ) {}
}
