import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { ClientNetworkKind, type ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import { MSK_EXPORTER_PORTS } from '../../contract/msk-ports';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** What a broker security group admits: declared client networks and Prometheus sources. */
export interface BrokerIngressProps {
  /** The broker security group. */
  readonly securityGroupId: string;
  /** Networks allowed to reach the listener ports. */
  readonly clientNetworks: readonly ClientNetwork[];
  /**
   * Networks allowed to scrape the exporter ports 11001 and 11002.
   * @default - none: the exporter ports stay closed
   */
  readonly prometheusSources?: readonly ClientNetwork[];
}

/**
 * The ingress rules of a broker security group, one `aws_vpc_security_group_ingress_rule`
 * per (source, port): listener ports only from the declared client networks, exporter ports
 * only from the declared Prometheus sources. Nothing from `0.0.0.0/0` (ClientNetwork refuses it).
 *
 * Construct ids are `Listener<port>-<n>` and `Exporter<port>-<n>`, where `n` is the position of
 * the source in its list: append new sources at the end to keep existing rules in place.
 * @see SEC-007
 */
export class BrokerIngress extends KafkaIacConstruct {
  private readonly props: BrokerIngressProps;
  private readonly listenerPorts = new Set<number>();
  /** Every rule created, listener and exporter rules alike. */
  public readonly rules: VpcSecurityGroupIngressRule[] = [];

  public constructor(scope: Construct, id: string, props: BrokerIngressProps) {
    super(scope, id);
    for (const list of [props.clientNetworks, props.prometheusSources ?? []]) {
      for (const n of list) checkAwsSource(this.path, n);
    }
    this.props = props;
    (props.prometheusSources ?? []).forEach((source, i) => {
      for (const port of MSK_EXPORTER_PORTS) this.rules.push(this.rule(`Exporter${port}-${i}`, port, source, `Prometheus scrape (${source.description})`));
    });
  }

  /**
   * Opens `port` to every declared client network; a port already open is skipped.
   * @returns the rules created by this call
   */
  public allowListenerPort(port: number): VpcSecurityGroupIngressRule[] {
    if (this.listenerPorts.has(port)) return [];
    this.listenerPorts.add(port);
    const created = this.props.clientNetworks.map((n, i) => this.rule(`Listener${port}-${i}`, port, n, `Kafka clients (${n.description})`));
    this.rules.push(...created);
    return created;
  }

  private rule(id: string, port: number, source: ClientNetwork, description: string): VpcSecurityGroupIngressRule {
    return new VpcSecurityGroupIngressRule(this, id, {
      securityGroupId: this.props.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      description,
      ...(source.kind === ClientNetworkKind.CIDR ? { cidrIpv4: source.value } : { referencedSecurityGroupId: source.value }),
    });
  }
}

function checkAwsSource(path: string, n: ClientNetwork): void {
  if (n.kind === ClientNetworkKind.KUBERNETES_PEER) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-007', path, prop: 'clientNetworks', found: n.description,
      expected: 'a CIDR block or a security group (a Kubernetes peer has no meaning in an AWS security group)',
      fix: "Use ClientNetwork.cidr('10.20.0.0/16') or ClientNetwork.securityGroup('sg-...').",
    });
  }
}
