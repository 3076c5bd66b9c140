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

describe('the rule', () => {
  itDescribesItself(SEC_007_NETWORK_SEGMENTATION, 'SEC-007', ['msk', 'strimzi', 'statefulset']);
});
