import { checkZoneOfRegion } from '../../model/grammar/names';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import type { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import type { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, Token, type ITerraformDependable } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import type { ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import { parseCidr } from '../../model/grammar/cidr';
import { isUnresolved } from '../../model/grammar/tokens';
import { BrokerIngress } from './broker-ingress';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { DataAwsAvailabilityZonesClass, Ec2TransitGatewayVpcAttachmentClass, RouteClass } from './aws-provider-classes';

/** The network an MSK cluster runs in: private subnets, one per zone, and a broker security group. */
export interface IKafkaNetwork extends IConstruct {
  /** The VPC ID. */
  readonly vpcId: string;
  /** The private client subnets, one per availability zone (MSK `client_subnets`). */
  readonly subnetIds: string[];
  /** The broker security group. */
  readonly securityGroupId: string;
  /** The number of availability zones, equal to the number of subnets. */
  readonly zoneCount: number;
  /**
   * Opens a listener port (9094, 9096 or 9098) to the declared client networks. An MSK cluster
   * calls it for each authentication mode it enables, so only those ports are open.
   */
  allowListenerPort(port: number): void;
}

/** Props of a `KafkaNetwork`: the VPC, zones and subnets of an MSK cluster. */
export interface KafkaNetworkProps {
  /**
   * Networks whose clients may reach the brokers' listener ports: CIDR blocks or security
   * groups. `0.0.0.0/0` cannot be declared.
   * @see SEC-007
   */
  readonly clientNetworks: ClientNetwork[];
  /**
   * Networks that may scrape the open-monitoring exporters (11001 JMX, 11002 node).
   * @default - none: the exporter ports stay closed
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/open-monitoring.html
   */
  readonly prometheusSources?: ClientNetwork[];
  /**
   * The VPC's IPv4 CIDR block; the subnets are carved out of it (prefix + 4 bits each).
   * @default '10.40.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * The availability zones, one private subnet each. MSK accepts 2 or 3; HA-006 wants 3.
   * @default - the first 3 available zones of the region (`data.aws_availability_zones`)
   */
  readonly availabilityZones?: string[];
}

/** An existing VPC, subnets and security group. */
export interface KafkaNetworkAttributes {
  readonly vpcId: string;
  /** One private subnet per availability zone (2 or 3). */
  readonly subnetIds: string[];
  /** The broker security group. */
  readonly securityGroupId: string;
  /**
   * Client networks to admit on the existing security group. When given, ingress rules for the
   * cluster's listener ports are added to it; when absent, its rules are managed elsewhere and
   * SEC-007 checks only what this stack can see.
   * @default - no ingress rules are added
   */
  readonly clientNetworks?: ClientNetwork[];
  /**
   * Prometheus sources to admit on ports 11001 and 11002 of the existing security group.
   * @default - none
   */
  readonly prometheusSources?: ClientNetwork[];
}

/**
 * A route from the brokers' subnets to a client network: through a transit gateway or a VPC
 * peering connection (exactly one of them).
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/route
 */
export interface KafkaNetworkRouteProps {
  /** The client network's CIDR block (IPv4). */
  readonly destinationCidrBlock: string;
  /**
   * The transit gateway the client network is attached to.
   * @default - none; set this or vpcPeeringConnectionId
   */
  readonly transitGatewayId?: string;
  /**
   * The VPC peering connection to the client VPC.
   * @default - none; set this or transitGatewayId
   */
  readonly vpcPeeringConnectionId?: string;
}

/**
 * The brokers' VPC attached to a transit gateway, with a route to each client network behind it.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/ec2_transit_gateway_vpc_attachment
 */
export interface KafkaNetworkTransitGatewayProps {
  /** The transit gateway (`tgw-...`), shared with this account if it lives in another. */
  readonly transitGatewayId: string;
  /** The client networks behind the transit gateway (IPv4 CIDR blocks), routed from the brokers' subnets. */
  readonly destinationCidrBlocks: string[];
}

/** What `attachToTransitGateway` created. */
export interface KafkaNetworkTransitGatewayAttachment {
  /** The `aws_ec2_transit_gateway_vpc_attachment` (one subnet per zone). */
  readonly attachment: Ec2TransitGatewayVpcAttachment;
  /** One `aws_route` per destination, created after the attachment. */
  readonly routes: Route[];
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * A VPC for MSK brokers: one private subnet per availability zone (no public IPs), each
 * explicitly associated with a route table that has no route out of the VPC (no internet
 * gateway, no NAT). The route table leaves out the inline `route` argument, so routes to the
 * client networks added with `addRoute` (standalone `aws_route`) are not deleted by the next
 * apply (the provider's "route tables and routes" note). The VPC's default security
 * group emptied, and a broker security group that admits only the listener ports of the
 * enabled authentication modes, only from the declared client networks, and the exporter
 * ports only from the declared Prometheus sources. It never admits `0.0.0.0/0`.
 *
 * The VPC is `.resource` (id `Resource`); the escape hatch is `resource.addOverride(...)`, and
 * the rules still check the result (SEC-007).
 * @see SEC-007
 * @see HA-006
 */
export class KafkaNetwork extends KafkaIacConstruct implements IKafkaNetwork {
  /** Uses an existing VPC, subnets and security group. */
  public static fromAttributes(scope: Construct, id: string, attrs: KafkaNetworkAttributes): IKafkaNetwork {
    return new ImportedKafkaNetwork(scope, id, attrs);
  }

  /** The VPC. */
  public readonly resource: Vpc;
  public readonly subnets: Subnet[];
  public readonly securityGroup: SecurityGroup;
  public readonly routeTable: RouteTable;
  /** The ingress rules of the broker security group. */
  public readonly ingress: BrokerIngress;
  public readonly vpcId: string;
  public readonly subnetIds: string[];
  public readonly securityGroupId: string;
  public readonly zoneCount: number;

  public constructor(scope: Construct, id: string, props: KafkaNetworkProps) {
    super(scope, id);
    requireClients(this.path, props.clientNetworks);
    const cidr = props.cidrBlock ?? '10.40.0.0/16';
    const zones = props.availabilityZones;
    if (zones !== undefined) checkZones(this.path, zones);
    if (zones !== undefined) zones.forEach((z, i) => checkZoneOfRegion(z, this.environment.region, { code: 'HA-006', path: this.path, prop: `availabilityZones[${i}]` }));
    this.zoneCount = zones?.length ?? 3;
    const subnetCidrs = carveSubnets(this.path, cidr, this.zoneCount);

    this.resource = new Vpc(this, 'Resource', {
      cidrBlock: cidr, enableDnsSupport: true, enableDnsHostnames: true,
      tags: { Name: `${this.path.replace(/\//g, '-')}` },
    });
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: this.resource.id, ingress: [], egress: [] });
    // No `route` argument: in attributes-as-blocks mode an empty list would remove every route
    // that an aws_route (addRoute) adds; omitted, the table's routes are left to aws_route.
    this.routeTable = new RouteTable(this, 'PrivateRouteTable', { vpcId: this.resource.id });
    const available = zones === undefined
      ? new (DataAwsAvailabilityZonesClass())(this, 'AvailabilityZones', { state: 'available' })
      : undefined;
    this.subnets = subnetCidrs.map((subnetCidr, i) => {
      const subnet = new Subnet(this, `PrivateSubnet${i + 1}`, {
        vpcId: this.resource.id,
        cidrBlock: subnetCidr,
        availabilityZone: zones ? zones[i] : Fn.element(available!.names, i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${this.path.replace(/\//g, '-')}-private-${i + 1}` },
      });
      new RouteTableAssociation(this, `PrivateRouteTableAssociation${i + 1}`, { subnetId: subnet.id, routeTableId: this.routeTable.id });
      return subnet;
    });
    this.securityGroup = new SecurityGroup(this, 'BrokerSecurityGroup', {
      vpcId: this.resource.id,
      description: 'MSK brokers: listener ports from declared client networks only',
      revokeRulesOnDelete: true,
      // No inline rules and no egress: Terraform removes AWS's default allow-all egress rule.
    });
    this.ingress = new BrokerIngress(this, 'BrokerIngress', {
      securityGroupId: this.securityGroup.id,
      clientNetworks: props.clientNetworks,
      prometheusSources: props.prometheusSources,
    });
    this.vpcId = this.resource.id;
    this.subnetIds = this.subnets.map((s) => s.id);
    this.securityGroupId = this.securityGroup.id;
  }

  /** Opens a listener port (9094, 9096 or 9098) to the declared client networks. */
  public allowListenerPort(port: number): void {
    this.ingress.allowListenerPort(port);
  }

  /**
   * Attaches the brokers' VPC (its private subnets, one per zone) to a transit gateway and
   * routes each destination through it: the attachment point for client networks in other
   * VPCs or on premises. Returns the attachment and the routes.
   */
  public attachToTransitGateway(id: string, props: KafkaNetworkTransitGatewayProps): KafkaNetworkTransitGatewayAttachment {
    if (!Array.isArray(props.destinationCidrBlocks) || props.destinationCidrBlocks.length === 0) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: `${this.path}/${id}`, prop: 'destinationCidrBlocks', found: props.destinationCidrBlocks,
        expected: 'at least one client network CIDR block', fix: 'List the CIDR blocks of the client networks behind the transit gateway.',
      });
    }
    const attachment = new (Ec2TransitGatewayVpcAttachmentClass())(this, id, {
      transitGatewayId: props.transitGatewayId, vpcId: this.resource.id, subnetIds: this.subnetIds,
      tags: { Name: `${this.path.replace(/\//g, '-')}-${id}` },
    });
    const routes = props.destinationCidrBlocks.map((cidr, i) => {
      // A route to a transit gateway the VPC is not attached to yet is refused by EC2: create it after the attachment.
      return this.addRoute(`${id}Route${i + 1}`, { destinationCidrBlock: cidr, transitGatewayId: props.transitGatewayId }, [attachment]);
    });
    return { attachment, routes };
  }

  /**
   * Routes the brokers' subnets to a client network through a transit gateway or a VPC peering
   * connection (the return path of the clients the security group admits), after `dependsOn`
   * (for example the peering connection's accepter). Returns the `aws_route`.
   */
  public addRoute(id: string, props: KafkaNetworkRouteProps, dependsOn: ITerraformDependable[] = []): Route {
    const path = `${this.path}/${id}`;
    const cidr = props.destinationCidrBlock;
    if (!isUnresolved(cidr) && parseCidr(cidr)?.version !== 4) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path, prop: 'destinationCidrBlock', found: cidr,
        expected: 'an IPv4 CIDR block such as 10.20.0.0/16', fix: "Set the client network's CIDR block.",
      });
    }
    const targets = [props.transitGatewayId, props.vpcPeeringConnectionId].filter((t) => t !== undefined);
    if (targets.length !== 1) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path, prop: 'transitGatewayId / vpcPeeringConnectionId', found: targets.length,
        expected: 'exactly one route target', fix: 'Set transitGatewayId or vpcPeeringConnectionId, not both.',
      });
    }
    return new (RouteClass())(this, id, {
      routeTableId: this.routeTable.id,
      destinationCidrBlock: cidr,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      ...(props.transitGatewayId !== undefined ? { transitGatewayId: props.transitGatewayId } : { vpcPeeringConnectionId: props.vpcPeeringConnectionId }),
    });
  }
}

/** An existing network, as returned by `KafkaNetwork.fromAttributes`. */
class ImportedKafkaNetwork extends KafkaIacConstruct implements IKafkaNetwork {
  public readonly vpcId: string;
  public readonly subnetIds: string[];
  public readonly securityGroupId: string;
  public readonly zoneCount: number;
  private readonly ingress?: BrokerIngress;

  public constructor(scope: Construct, id: string, attrs: KafkaNetworkAttributes) {
    super(scope, id);
    checkZones(this.path, attrs.subnetIds, 'subnetIds');
    this.vpcId = attrs.vpcId;
    this.subnetIds = [...attrs.subnetIds];
    this.securityGroupId = attrs.securityGroupId;
    this.zoneCount = attrs.subnetIds.length;
    if (attrs.clientNetworks !== undefined) {
      requireClients(this.path, attrs.clientNetworks);
      this.ingress = new BrokerIngress(this, 'BrokerIngress', {
        securityGroupId: attrs.securityGroupId,
        clientNetworks: attrs.clientNetworks,
        prometheusSources: attrs.prometheusSources,
      });
    }
  }

  /** Opens a listener port to the client networks given with the attributes; without them, the imported security group is left as it is. */
  public allowListenerPort(port: number): void {
    this.ingress?.allowListenerPort(port);
  }
}

function requireClients(path: string, clients: readonly ClientNetwork[] | undefined): void {
  KafkaIacError.nonEmpty(clients, {
    code: 'SEC-007', path, prop: 'clientNetworks',
    expected: 'at least one declared client network (CIDR block or security group)',
    fix: "Set clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')].",
  });
}

function checkZones(path: string, list: readonly string[], prop = 'availabilityZones'): void {
  if (!Array.isArray(list) || list.length < 2 || list.length > 3) {
    throw KafkaIacError.invalidProp({
      code: 'HA-006', path, prop, found: list,
      expected: '2 or 3 entries, one per availability zone (MSK accepts 2 or 3; HA-006 wants 3)',
      fix: `Give three, for example ['us-east-1a', 'us-east-1b', 'us-east-1c'].`,
    });
  }
  const literal = list.filter((z) => !Token.isUnresolved(z));
  if (new Set(literal).size !== literal.length) {
    throw KafkaIacError.invalidProp({
      code: 'HA-006', path, prop, found: list,
      expected: 'one entry per distinct availability zone', fix: 'Remove the duplicate.',
    });
  }
}

/** Splits an IPv4 CIDR into `count` consecutive subnets four bits longer. */
function carveSubnets(path: string, cidr: string, count: number): string[] {
  const m = CIDR.exec(cidr);
  const prefix = m ? Number(m[5]) : NaN;
  const octets = m ? m.slice(1, 5).map(Number) : [];
  if (!m || octets.some((o) => o > 255) || prefix < 8 || prefix > 24) {
    throw KafkaIacError.grammar({
      code: 'KIAC-PROP', path, prop: 'cidrBlock', found: cidr,
      grammar: 'an IPv4 CIDR block from /8 to /24, such as 10.40.0.0/16',
      fix: "Set cidrBlock: '10.40.0.0/16'.",
    });
  }
  const base = (((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3]) >>> 0;
  const size = 2 ** (32 - prefix - 4);
  const network = base - (base % (2 ** (32 - prefix)));
  return Array.from({ length: count }, (_, i) => {
    const n = network + i * size;
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${prefix + 4}`;
  });
}
