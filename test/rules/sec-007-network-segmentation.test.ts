// SEC-007: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { DENY_PATH, PROMETHEUS_PATH } from './fixtures/strimzi-sec';
import { JsonPatch } from 'cdk8s';
import { IntOrString } from 'cdk8s-plus-27/lib/imports/k8s';
import { statefulSetChart, BROKERS_PATH } from '../support/statefulset-fixture';
import { CLIENTS_PATH, BOOTSTRAP_PATH } from './fixtures/statefulset-sec';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';
import * as statefulsetSec from './fixtures/statefulset-sec';

import { SEC_007_NETWORK_SEGMENTATION } from '../../lib/rules/sec-007-network-segmentation';
import { itDescribesItself } from './fixtures/metadata';
import { outcomeOf, findingsOf } from './fixtures/outcome';
import { kubernetes, terraform } from './fixtures/cap-documents';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    describe('SEC-007', () => {
      it('passes SEC-007 with private subnets, public access DISABLED and listener-only ingress', () => {
        expectCompliant(mskStack().stack, 'SEC-007', CLUSTER);
      });
      it('fails SEC-007 when an override enables public access', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('broker_node_group_info.connectivity_info.public_access.type', 'SERVICE_PROVIDED_EIPS');
        expectViolation(stack, 'SEC-007', CLUSTER, /public_access.type is 'SERVICE_PROVIDED_EIPS'; expected 'DISABLED'/);
      });
      it('fails SEC-007 when an ingress rule is overridden to 0.0.0.0/0, naming the rule', () => {
        const { stack, network } = mskStack();
        network.ingress.rules.find((r) => r.node.id === 'Listener9096-0')!.addOverride('cidr_ipv4', '0.0.0.0/0');
        expectViolation(stack, 'SEC-007', CLUSTER, /production\/Network\/BrokerIngress\/Listener9096-0\) admits 0.0.0.0\/0/);
      });
      it('fails SEC-007 when a separate security group rule opens every port', () => {
        const { stack, network } = mskStack();
        new SecurityGroupRule(stack, 'Wide', { type: 'ingress', securityGroupId: network.securityGroupId, protocol: '-1', fromPort: 0, toPort: 65535, cidrBlocks: ['10.0.0.0/8'] });
        const message = expectViolation(stack, 'SEC-007', CLUSTER, /aws_security_group_rule\.Wide \(production\/Wide\) admits ports 0-65535/);
        expect(message).toMatch(/admits protocol '-1'/);
      });
      it('fails SEC-007 when the mutual-TLS port is opened on a cluster without mutual TLS', () => {
        const { stack, network } = mskStack();
        network.allowListenerPort(9094);
        expectViolation(stack, 'SEC-007', CLUSTER, /Listener9094-0\) admits ports 9094-9094; expected single listener or exporter ports of the enabled modes/);
      });
      it('fails SEC-007 when a broker subnet gets public IPs', () => {
        const { stack, network } = mskStack();
        network.subnets[0].addOverride('map_public_ip_on_launch', true);
        expectViolation(stack, 'SEC-007', CLUSTER, /map_public_ip_on_launch of aws_subnet\.\S+ \(production\/Network\/PrivateSubnet1\) is true/);
      });
      it('fails SEC-007 when the broker route table gets an internet-gateway route', () => {
        const { stack, network } = mskStack();
        const igw = new InternetGateway(stack, 'Igw', { vpcId: network.vpcId });
        new Route(stack, 'ToInternet', { routeTableId: network.routeTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
        expectViolation(stack, 'SEC-007', CLUSTER, /routes 0.0.0.0\/0 to an internet gateway/);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-007', () => {
      it('passes SEC-007 on the Kafka and on the support NetworkPolicies', () => {
        const { chart } = strimziChart();
        expectCompliant(chart, 'SEC-007', KAFKA_PATH);
        expectCompliant(chart, 'SEC-007', DENY_PATH);
        expectCompliant(chart, 'SEC-007', PROMETHEUS_PATH);
      });
      it('fails SEC-007 when a JSON patch removes the listener networkPolicyPeers', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/listeners/0/networkPolicyPeers'));
        expectViolation(chart, 'SEC-007', KAFKA_PATH, /listener 'tls' has no networkPolicyPeers, so Strimzi's NetworkPolicy admits every pod/);
      });
      it('fails SEC-007 when a listener is patched to a load balancer open to 0.0.0.0/0', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/type', 'loadbalancer'));
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/networkPolicyPeers', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
        expectViolation(chart, 'SEC-007', KAFKA_PATH, /listener 'tls' type is 'loadbalancer'/);
        expectViolation(chart, 'SEC-007', KAFKA_PATH, /networkPolicyPeers contains \{"ipBlock":\{"cidr":"0.0.0.0\/0"\}\}/);
      });
      // Strimzi writes one ingress rule per listener on the listener's own port, and opens the JMX
      // port 9999 to everyone when jmxOptions is set (strimzi-kafka-operator
      // cluster-operator/.../model/KafkaCluster.java generateNetworkPolicy; jmx/JmxModel.java
      // networkPolicyIngresRules; MetricsModel.METRICS_PORT 9404).
      it('fails SEC-007 when the Prometheus policy admits the JMX port instead of a metrics or listener port', () => {
        const { chart, cluster } = strimziChart();
        cluster.networkPolicies.allowPrometheus.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', IntOrString.fromNumber(9999)));
        expectViolation(chart, 'SEC-007', PROMETHEUS_PATH, /spec.ingress\[0\].ports\[0\] admits port 9999; expected single listener or metrics ports of the selected pods: 9093 \(listener tls of orders\), 9404 \(metrics\)/);
      });
      it('fails SEC-007 when a policy rule admits every port or a port range', () => {
        const { chart, cluster } = strimziChart();
        cluster.networkPolicies.allowPrometheus.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0', { protocol: 'TCP', port: IntOrString.fromNumber(9000), endPort: 9999 }));
        expectViolation(chart, 'SEC-007', PROMETHEUS_PATH, /spec.ingress\[0\].ports\[0\] admits port 9000 to 9999; expected single listener or metrics ports/);
        const other = strimziChart();
        other.cluster.networkPolicies.allowPrometheus.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0', { protocol: 'TCP' }));
        expectViolation(other.chart, 'SEC-007', PROMETHEUS_PATH, /spec.ingress\[0\].ports\[0\] admits every port/);
      });
      it('fails SEC-007 when jmxOptions makes Strimzi admit the JMX port from everyone', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/jmxOptions', {}));
        expectViolation(chart, 'SEC-007', KAFKA_PATH, /spec.kafka.jmxOptions is \{\}, so Strimzi's NetworkPolicy admits the JMX port 9999 from every pod and namespace; expected only the listener ports and the metrics port 9404/);
      });
      it('fails SEC-007 when the deny-by-default policy gets an allow-all rule', () => {
        const { chart, cluster } = strimziChart();
        cluster.networkPolicies.denyIngress.addJsonPatch(JsonPatch.add('/spec/ingress', [{}]));
        expectViolation(chart, 'SEC-007', KAFKA_PATH, /no NetworkPolicy in namespace 'kafka' denies ingress to the pods of orders/);
        expectViolation(chart, 'SEC-007', DENY_PATH, /spec.ingress\[0\].from is "not set"; expected declared peers only/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;
    const { DENY_PATH } = statefulsetSec;

    describe('SEC-007', () => {
      it('passes SEC-007 with deny-by-default and declared peers', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-007', BROKERS_PATH);
        expectCompliant(statefulSetChart().chart, 'SEC-007', CLIENTS_PATH);
        expectCompliant(statefulSetChart().chart, 'SEC-007', BOOTSTRAP_PATH);
      });
      it('fails SEC-007 when a JSON patch removes the deny-by-default policy rule set (adds an allow-all rule)', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.networkPolicies.denyIngress.addJsonPatch(JsonPatch.add('/spec/ingress', [{}]));
        expectViolation(chart, 'SEC-007', BROKERS_PATH, /no NetworkPolicy in namespace 'kafka' denies ingress to the pods of StatefulSet orders-broker by default/);
        expectViolation(chart, 'SEC-007', DENY_PATH, /spec.ingress\[0\].from is "not set"; expected declared peers only/);
      });
      it('fails SEC-007 when a client rule is opened to 0.0.0.0/0', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
        expectViolation(chart, 'SEC-007', CLIENTS_PATH, /spec.ingress\[0\].from is \[\{"ipBlock":\{"cidr":"0.0.0.0\/0"\}\}\]/);
      });
      it('passes SEC-007 on every NetworkPolicy: each admits only listener or metrics ports of the pods it selects', () => {
        const { chart } = statefulSetChart();
        for (const id of ['AllowClients', 'AllowReplication', 'AllowControllers', 'AllowPrometheus']) {
          expectCompliant(chart, 'SEC-007', `kafka/Kafka/NetworkPolicies/${id}`);
        }
      });
      it('fails SEC-007 when the client policy admits a port that no listener has (a JMX port)', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.add('/spec/ingress/0/ports/-', { protocol: 'TCP', port: IntOrString.fromNumber(9999) }));
        expectViolation(chart, 'SEC-007', CLIENTS_PATH, /spec.ingress\[0\].ports\[1\] admits port 9999; expected single listener or metrics ports of the selected pods: 9091 \(listener REPLICATION of orders-broker\), 9093 \(listener SCRAM of orders-broker\), 9404 \(metrics of orders-broker\)/);
      });
      it('fails SEC-007 when the controller policy admits a broker listener port that the controllers do not have', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.networkPolicies.allowControllers.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', IntOrString.fromNumber(9093)));
        expectViolation(chart, 'SEC-007', 'kafka/Kafka/NetworkPolicies/AllowControllers', /spec.ingress\[0\].ports\[0\] admits port 9093; expected single listener or metrics ports of the selected pods: 9090 \(listener CONTROLLER of orders-controller\)/);
      });
      it('fails SEC-007 when a client rule admits every port, and accepts a named listener port', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0', { protocol: 'TCP' }));
        expectViolation(chart, 'SEC-007', CLIENTS_PATH, /spec.ingress\[0\].ports\[0\] admits every port/);
        const named = statefulSetChart();
        named.cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', IntOrString.fromString('tcp-scram')));
        expectCompliant(named.chart, 'SEC-007', CLIENTS_PATH);
      });
      it('fails SEC-007 when the bootstrap Service becomes a LoadBalancer', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.bootstrapService.addJsonPatch(JsonPatch.replace('/spec/type', 'LoadBalancer'));
        expectViolation(chart, 'SEC-007', BOOTSTRAP_PATH, /spec.type is 'LoadBalancer'; expected 'ClusterIP'/);
      });
    });
  });
});

describe('SEC-007 on hand-built documents', () => {
  const development = new Environment({ name: 'development', profile: EnvironmentProfile.DEVELOPMENT, region: 'us-east-1' });
  const found = (o: ReturnType<typeof outcomeOf>) => (o.findings ?? []).map((f) => f.found);

  describe('MSK', () => {
    const cluster = (group: Record<string, unknown>, extra: Record<string, unknown> = {}) => terraform('aws_msk_cluster', 'kafka', {
      broker_node_group_info: { connectivity_info: { public_access: { type: 'DISABLED' } }, ...group },
      client_authentication: { sasl: { scram: true } }, ...extra,
    });
    const sg = (ingress: unknown[] = []) => terraform('aws_security_group', 'brokers', { ingress });
    const withSg = { security_groups: ['${aws_security_group.brokers.id}'] };
    const tcp = (port: number, cidr = '10.20.0.0/16') => ({ protocol: 'tcp', from_port: port, to_port: port, cidr_blocks: [cidr] });

    it('says what public access left unset breaks, what is expected and the fix', () => {
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, terraform('aws_msk_cluster', 'kafka', {}))).toEqual([{
        found: 'broker_node_group_info.connectivity_info.public_access.type is not set', expected: "'DISABLED', written out", fix: 'Set public_access { type = "DISABLED" } (MskCluster writes it).',
      }]);
    });
    it('notes subnets and security groups that are not in the stack', () => {
      const doc = cluster({ client_subnets: ['subnet-1', '${aws_kms_key.key.arn}'], security_groups: ['sg-1'] });
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, doc, [terraform('aws_kms_key', 'key', {})])).toEqual({ status: 'compliant', notes: [
        'Subnet subnet-1 is not managed in this stack; its routes are not checked here.',
        'Subnet ${aws_kms_key.key.arn} is not managed in this stack; its routes are not checked here.',
        'Security group sg-1 is not managed in this stack; its ingress is not checked here.',
      ] });
    });
    it('says what a public subnet and an internet route break, what is expected and the fixes', () => {
      const subnet = terraform('aws_subnet', 'a', { map_public_ip_on_launch: 'true' });
      const table = terraform('aws_route_table', 'rt', { route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }, { ipv6_cidr_block: '::/0', gateway_id: '${aws_internet_gateway.igw.id}' }, { gateway_id: 'igw-2' }, { cidr_block: '10.0.0.0/8', gateway_id: 'nat-1' }] });
      const routes = [
        terraform('aws_route', 'v4', { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '1.0.0.0/8', gateway_id: 'igw-1' }),
        terraform('aws_route', 'v6', { route_table_id: '${aws_route_table.rt.id}', destination_ipv6_cidr_block: '2000::/3', gateway_id: 'igw-1' }),
        terraform('aws_route', 'any', { route_table_id: '${aws_route_table.rt.id}', gateway_id: 'igw-1' }),
        terraform('aws_route', 'other', { route_table_id: '${aws_route_table.other.id}', destination_cidr_block: '3.0.0.0/8', gateway_id: 'igw-1' }),
        terraform('aws_route', 'nat', { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '4.0.0.0/8', nat_gateway_id: 'nat-1' }),
      ];
      const associations = [
        terraform('aws_route_table_association', 'a', { subnet_id: '${aws_subnet.a.id}', route_table_id: '${aws_route_table.rt.id}' }),
        terraform('aws_route_table_association', 'gone', { subnet_id: '${aws_subnet.a.id}', route_table_id: 'rtb-1' }),
        terraform('aws_route_table_association', 'b', { subnet_id: '${aws_subnet.b.id}', route_table_id: '${aws_route_table.other.id}' }),
      ];
      const others = [subnet, table, terraform('aws_route_table', 'other', {}), terraform('aws_internet_gateway', 'igw', {}), ...routes, ...associations];
      const findings = findingsOf(SEC_007_NETWORK_SEGMENTATION, cluster({ client_subnets: ['${aws_subnet.a.id}'] }), others);
      expect(findings[0]).toEqual({ found: 'map_public_ip_on_launch of aws_subnet.a (production/a/Resource) is true', expected: 'false: brokers live in private subnets', fix: 'Use private subnets (KafkaNetwork creates them).' });
      expect(findings.slice(1).map((f) => f.found)).toEqual(['0.0.0.0/0', '::/0', 'a route', '1.0.0.0/8', '2000::/3', 'a route'].map((r) => `aws_subnet.a routes ${r} to an internet gateway`));
      expect(findings[1]).toMatchObject({ expected: 'no route from the broker subnets to the internet', fix: 'Associate the broker subnets with a route table that has no internet-gateway route.' });
    });
    it('passes a private subnet without internet routes', () => {
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, cluster({ client_subnets: ['${aws_subnet.a.id}'] }), [terraform('aws_subnet', 'a', { map_public_ip_on_launch: false })])).toEqual({ status: 'compliant' });
    });
    it('admits the listener port of each enabled mode and the exporter ports with open monitoring, TCP as tcp or 6', () => {
      const ports = [9094, 9096, 9098, 11001, 11002];
      const all = cluster(withSg, { client_authentication: { sasl: { scram: true, iam: true }, tls: { certificate_authority_arns: ['arn:aws:acm-pca:x'] } }, open_monitoring: { prometheus: { jmx_exporter: { enabled_in_broker: true } } } });
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, all, [sg(ports.map((p) => ({ ...tcp(p), protocol: p === 9094 ? '6' : 'tcp' })))])).toEqual({ status: 'compliant' });
      const scramOnly = findingsOf(SEC_007_NETWORK_SEGMENTATION, cluster(withSg), [sg(ports.map((p) => tcp(p)))]);
      expect(scramOnly.map((f) => f.found)).toEqual([9094, 9098, 11001, 11002].map((p) => `aws_security_group.brokers inline ingress (production/brokers/Resource) admits ports ${p}-${p}`));
      expect(scramOnly[0]).toMatchObject({ expected: 'single listener or exporter ports of the enabled modes (9096)', fix: 'Open only the listener ports of the enabled authentication modes, and 11001/11002 for Prometheus.' });
      const monitored = findingsOf(SEC_007_NETWORK_SEGMENTATION, cluster(withSg, { open_monitoring: { prometheus: {} } }), [sg([tcp(9094)])]);
      expect(monitored.map((f) => f.expected)).toEqual(['single listener or exporter ports of the enabled modes (9096, 11001, 11002)']);
    });
    it('says what another protocol, a port range and the whole internet break, what is expected and the fixes', () => {
      const findings = findingsOf(SEC_007_NETWORK_SEGMENTATION, cluster(withSg), [sg([{ protocol: '-1', from_port: 9096, to_port: 9098, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }, { protocol: 'tcp', from_port: '${var.port}', to_port: '${var.port}' }])]);
      const where = 'aws_security_group.brokers inline ingress (production/brokers/Resource)';
      expect(findings).toEqual([
        { found: `${where} admits protocol '-1'`, expected: "'tcp' only", fix: 'Admit TCP on the listener ports only (KafkaNetwork does).' },
        { found: `${where} admits ports 9096-9098`, expected: 'single listener or exporter ports of the enabled modes (9096)', fix: 'Open only the listener ports of the enabled authentication modes, and 11001/11002 for Prometheus.' },
        { found: `${where} admits 0.0.0.0/0`, expected: 'declared client networks only, never the whole internet', fix: 'Declare the client networks (ClientNetwork.cidr of the client VPC, or a client security group).' },
        { found: `${where} admits ::/0`, expected: 'declared client networks only, never the whole internet', fix: 'Declare the client networks (ClientNetwork.cidr of the client VPC, or a client security group).' },
        { found: `${where} admits ports '\${var.port}'-'\${var.port}'`, expected: 'single listener or exporter ports of the enabled modes (9096)', fix: 'Open only the listener ports of the enabled authentication modes, and 11001/11002 for Prometheus.' },
      ]);
    });
    it('reads the separate ingress rules of the broker security group only', () => {
      const rules = [
        terraform('aws_vpc_security_group_ingress_rule', 'v6', { security_group_id: '${aws_security_group.brokers.id}', ip_protocol: 'tcp', from_port: 9096, to_port: 9096, cidr_ipv6: '2600::/16' }),
        terraform('aws_vpc_security_group_ingress_rule', 'elsewhere', { security_group_id: '${aws_security_group.other.id}', ip_protocol: '-1', from_port: 0, to_port: 0, cidr_ipv4: '0.0.0.0/0' }),
        terraform('aws_security_group_rule', 'wide', { type: 'ingress', security_group_id: '${aws_security_group.brokers.id}', protocol: 'tcp', from_port: 9096, to_port: 9096, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: ['::/0'] }),
        terraform('aws_security_group_rule', 'out', { type: 'egress', security_group_id: '${aws_security_group.brokers.id}', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }),
        terraform('aws_security_group_rule', 'other', { type: 'ingress', security_group_id: '${aws_security_group.other.id}', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }),
      ];
      const others = [sg(), terraform('aws_security_group', 'other', {}), ...rules];
      // ::/0 is reported on its own; the public-address count is skipped once the whole space is admitted.
      expect(found(outcomeOf(SEC_007_NETWORK_SEGMENTATION, cluster(withSg), others))).toEqual(['aws_security_group_rule.wide (production/wide/Resource) admits ::/0']);
      const narrower = others.map((d) => (d.name === 'wide' ? terraform('aws_security_group_rule', 'wide', { ...d.body, ipv6_cidr_blocks: [] }) : d));
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, cluster(withSg), narrower)).toEqual([{
        found: `security group aws_security_group.brokers admits 2600::/16, ${2n ** 112n} public IPv6 address(es)`,
        expected: 'private ranges only in production (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7)',
        fix: 'Admit the private client networks, or suppress SEC-007 on this resource with a reason that names the public clients.',
      }]);
    });
  });

  describe('Kubernetes NetworkPolicies and Services', () => {
    const policy = (target: string, spec: unknown) => kubernetes('networking.k8s.io/v1', 'NetworkPolicy', 'p', { metadata: { labels: { 'kafka-iac.dev/target': target } }, spec });
    const peer = { namespaceSelector: { matchLabels: { team: 'orders' } } };
    it('says what an open rule, a rule without ports and a named port no pod has break (Strimzi)', () => {
      const findings = findingsOf(SEC_007_NETWORK_SEGMENTATION, policy('strimzi', { podSelector: {}, ingress: [{ from: [{}] }, { from: [peer], ports: [{ port: 'tcp-metrics' }] }] }));
      expect(findings).toEqual([
        { found: 'spec.ingress[0].from is [{}]', expected: 'declared peers only (an absent or empty from, an empty peer or 0.0.0.0/0 admits everyone)', fix: 'List the allowed namespaces and pods.' },
        { found: 'spec.ingress[0].ports is "not set"', expected: 'the listener or metrics ports only', fix: 'List the ports the rule admits.' },
        { found: "spec.ingress[1].ports[0] admits port 'tcp-metrics'", expected: 'single listener or metrics ports of the selected pods: 9404 (metrics)', fix: 'Admit only the listener ports to clients and the metrics ports to Prometheus (KafkaNetworkPolicies and StrimziSupportNetworkPolicies do).' },
      ]);
    });
    it('reads declared peers: a selector with labels or expressions, or a CIDR that is not /0', () => {
      const ok = [peer, { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }, { ipBlock: { cidr: '10.0.0.0/8' } }];
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, policy('strimzi', { ingress: [{ from: ok, ports: [{ port: 9404 }] }] }))).toEqual({ status: 'compliant' });
      for (const bad of [null, 'x', { podSelector: {} }, { namespaceSelector: { matchLabels: {} }, podSelector: { matchExpressions: [] } }, { ipBlock: { cidr: '::/0' } }, { ipBlock: { cidr: 7 } }]) {
        expect(found(outcomeOf(SEC_007_NETWORK_SEGMENTATION, policy('strimzi', { ingress: [{ from: [bad], ports: [{ port: 9404 }] }] }))), JSON.stringify(bad)).toEqual([`spec.ingress[0].from is ${JSON.stringify([bad])}`]);
      }
    });
    it('says what public peers break in production, and accepts them in development', () => {
      const doc = policy('strimzi', { ingress: [{ from: [{ ipBlock: { cidr: '8.8.8.0/24' } }], ports: [{ port: 9404 }] }] });
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, doc)).toEqual([{
        found: 'spec.ingress admits 8.8.8.0/24, 256 public IPv4 address(es)',
        expected: 'private ranges only in production (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7)',
        fix: 'Admit the private client networks, or suppress SEC-007 on this resource with a reason that names the public clients.',
      }]);
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, doc, [], development)).toEqual({ status: 'compliant' });
    });
    it('says what halves that together admit every address break', () => {
      const doc = policy('strimzi', { ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/1' } }, { ipBlock: { cidr: '128.0.0.0/1' } }], ports: [{ port: 9404 }] }] });
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, doc, [], development)).toEqual([{
        found: 'spec.ingress admits 0.0.0.0/1, 128.0.0.0/1, together every IPv4 address', expected: 'declared client networks only, never the whole internet',
        fix: 'Declare the client networks (ClientNetwork.cidr of the client VPC, or a client security group).',
      }]);
    });
    it('admits the listener ports of the Kafkas of the namespace only (Strimzi)', () => {
      const kafka = (name: string, namespace: string) => ({ ...kubernetes('kafka.strimzi.io/v1', 'Kafka', name, { metadata: { namespace }, spec: { kafka: { listeners: [{ name: 'tls', port: 9093 }, { name: 'odd', port: '9095' }] } } }), namespace });
      const doc = policy('strimzi', { ingress: [{ from: [peer], ports: [{ port: 9093 }, { port: 9095 }] }] });
      expect(found(outcomeOf(SEC_007_NETWORK_SEGMENTATION, doc, [kafka('orders', 'kafka'), kafka('far', 'other')]))).toEqual(['spec.ingress[0].ports[1] admits port 9095']);
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, doc, [kafka('far', 'other')])[0].expected).toBe('single listener or metrics ports of the selected pods: 9404 (metrics)');
    });
    it('says what a StatefulSet policy that selects no Kafka pod admits', () => {
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, policy('statefulset', { podSelector: { matchLabels: { app: 'none' } }, ingress: [{ from: [peer], ports: [{ port: 9092 }] }] }))[0].expected)
        .toBe('single listener or metrics ports of the selected pods: none: the policy selects no listener or metrics endpoint');
    });
    it('says what a NodePort Service breaks, and passes a headless or ClusterIP one (StatefulSet)', () => {
      const service = (type?: string) => kubernetes('v1', 'Service', 's', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, spec: type === undefined ? { clusterIP: 'None' } : { type } });
      expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, service('NodePort'))).toEqual([{
        found: "spec.type is 'NodePort'", expected: "'ClusterIP' (or headless): no access from outside the Kubernetes cluster",
        fix: "Set spec.type: 'ClusterIP', or suppress SEC-007 with a reason that names the private load balancer.",
      }]);
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, service())).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, service('ClusterIP'))).toEqual({ status: 'compliant' });
    });
  });

  describe('deny-by-default policies', () => {
    const kafka = (listeners: unknown[] = [{ name: 'tls', type: 'internal', networkPolicyPeers: [{ namespaceSelector: { matchLabels: { team: 'orders' } } }] }]) =>
      kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { spec: { kafka: { listeners } } });
    const deny = (spec: Record<string, unknown>, namespace = 'kafka') => ({ ...kubernetes('networking.k8s.io/v1', 'NetworkPolicy', 'deny', { metadata: { namespace, labels: { 'kafka-iac.dev/target': 'strimzi' } }, spec }), namespace });
    const NO_DENY = "no NetworkPolicy in namespace 'kafka' denies ingress to the pods of orders by default";
    it('finds a deny policy over every pod or over the cluster label alone, with Ingress in its types or no types', () => {
      for (const spec of [{ podSelector: {} }, { podSelector: { matchLabels: { 'strimzi.io/cluster': 'orders' } }, policyTypes: ['Ingress', 'Egress'] }, { ingress: [] }]) {
        expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, kafka(), [deny(spec)]), JSON.stringify(spec)).toEqual({ status: 'compliant' });
      }
    });
    it('says what is missing when no policy denies by default, and names the fix', () => {
      for (const spec of [{ podSelector: {}, policyTypes: ['Egress'] }, { podSelector: {}, ingress: [{}] }, { podSelector: { matchLabels: { 'strimzi.io/cluster': 'other' } } },
        { podSelector: { matchLabels: { 'strimzi.io/cluster': 'orders', app: 'x' } } }, { podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
        { podSelector: { matchLabels: { 'strimzi.io/cluster': 'orders' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] } }]) {
        expect(findingsOf(SEC_007_NETWORK_SEGMENTATION, kafka(), [deny(spec)]), JSON.stringify(spec)).toEqual([{
          found: NO_DENY,
          expected: 'a deny-by-default ingress policy over the cluster pods (Strimzi only writes allow rules for the Kafka pods)',
          fix: 'Create the cluster with StrimziKafkaCluster (it adds StrimziSupportNetworkPolicies), or add a policy with policyTypes [Ingress] and no rules.',
        }]);
      }
      expect(found(outcomeOf(SEC_007_NETWORK_SEGMENTATION, kafka(), [deny({ podSelector: {} }, 'other')]))).toEqual([NO_DENY]);
    });
    it('says what an external listener, a listener without peers and an empty peer break, what is expected and the fixes', () => {
      const findings = findingsOf(SEC_007_NETWORK_SEGMENTATION, kafka([{ name: 'ext', type: 'route', networkPolicyPeers: [{}] }, { name: 'ip', type: 'cluster-ip' }]), [deny({ podSelector: {} })]);
      expect(findings).toEqual([
        { found: "listener 'ext' type is 'route'", expected: "'internal' or 'cluster-ip': no access from outside the Kubernetes cluster", fix: "Use type: 'internal' for listener ext, or suppress SEC-007 with a reason that names the private load balancer." },
        { found: "listener 'ext' networkPolicyPeers contains {}", expected: 'a peer with a namespace or pod selector, or a private CIDR (never an empty peer or 0.0.0.0/0)', fix: 'Declare the client workloads with ClientNetwork.kubernetesPeer({ namespaceLabels, podLabels }).' },
        { found: "listener 'ip' has no networkPolicyPeers, so Strimzi's NetworkPolicy admits every pod and namespace", expected: 'the declared client workloads', fix: 'Set clientNetworks on the StrimziKafkaCluster (ClientNetwork.kubernetesPeer({...})).' },
      ]);
    });
    it('says what a public listener peer breaks in production', () => {
      const findings = findingsOf(SEC_007_NETWORK_SEGMENTATION, kafka([{ name: 'tls', type: 'internal', networkPolicyPeers: [{ ipBlock: { cidr: '8.8.8.8/32' } }] }]), [deny({ podSelector: {} })]);
      expect(findings.map((f) => f.found)).toEqual(["listener 'tls' networkPolicyPeers admits 8.8.8.8/32, 1 public IPv4 address(es)"]);
    });
    it('passes a Kafka without listeners when a deny policy is there, and reads no node pool', () => {
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', {}), [deny({ podSelector: {} })])).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_007_NETWORK_SEGMENTATION, kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'broker', { spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_007_NETWORK_SEGMENTATION, 'SEC-007', ['msk', 'strimzi', 'statefulset']);
});
