import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Testing } from 'cdktf';
import {
  checkBrokerCount, checkBrokersPerZone, checkControllerCount, checkListenerAuthentication, checkListenerTls, checkNoSaslPlain,
} from '../../lib/model/rule-checks';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { EnvironmentProfile } from '../../lib/model/environment';
import { mskStack } from '../support/msk-stack';
import { statefulSetChart } from '../support/statefulset-fixture';
import { strimziChart, synth, synthError } from '../support/strimzi-fixture';

/** What a constructor or a rule says after `expected`: `<expected>. <fix>`. */
const wording = (r: { expected: string; fix: string } | undefined) => `expected ${r!.expected}. ${r!.fix}`;

describe('a rule has one wording: the constructor that refuses a value and the rule that finds it say the same', () => {
  it('HA-005: 4 controllers refused at construction and found in the synthesized node pools', () => {
    const refused = checkControllerCount(4);
    expect(refused?.ruleId).toBe('HA-005');
    let constructorMessage = '';
    try {
      strimziChart({ cluster: { controllers: { replicas: 4 } } });
    } catch (e) {
      constructorMessage = (e as Error).message;
    }
    expect(constructorMessage).toBe(`HA-005 [kafka/Kafka] controllers.replicas is 4; ${wording(refused)}`);

    const { chart, cluster } = strimziChart();
    cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
    expect(synthError(chart)).toContain(`HA-005 [kafka/Kafka/Resource] the controller node pools (controller: 4 [controller]) have 4 controller(s); ${wording(refused)}`);
  });

  it('HA-005: a single controller is built (a development quorum) and reported by the rule', () => {
    expect(checkControllerCount(1)?.ruleId).toBe('HA-005');
    for (const n of [3, 5, 7]) expect(checkControllerCount(n)).toBeUndefined();
  });

  it('SEC-001: a plaintext listener refused at construction and found in the synthesized Kafka', () => {
    const refused = checkListenerTls(false);
    expect(() => strimziChart({ cluster: { listeners: [{ name: 'plain', port: 9092, tls: false, authentication: ClientAuthentication.scramSha512() }] } }))
      .toThrow(`SEC-001 [kafka/Kafka listener plain] tls is false; ${wording(refused)}`);

    const { chart, cluster } = strimziChart();
    cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/tls', false));
    expect(synthError(chart)).toContain(`SEC-001 [kafka/Kafka/Resource] listener 'tls' (port 9093) has tls false; ${wording(refused)}`);
  });
});

describe('one wording for HA-001, HA-006 and SEC-003', () => {
  it('HA-001: a broker pool of 0 refused at construction in the words the rule uses for 2 brokers', () => {
    const refused = checkBrokerCount(0, 'StrimziKafkaCluster');
    expect(refused?.ruleId).toBe('HA-001');
    expect(() => strimziChart({ cluster: { brokerPools: [{ replicas: 0 }] } }))
      .toThrow(`HA-001 [kafka/Kafka pool broker] replicas is 0; ${wording(refused)}`);

    // Two brokers build: development reports them as a warning, production stops synthesis.
    expect(() => synth(strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { brokerPools: [{ replicas: 2 }] } }).chart)).not.toThrow();
    const production = strimziChart({ cluster: { brokerPools: [{ replicas: 2 }] } });
    expect(synthError(production.chart)).toContain(`HA-001 [kafka/Kafka/Resource] the broker node pools (broker: 2 [broker]) have 2 broker(s); ${wording(checkBrokerCount(2, 'StrimziKafkaCluster'))}`);
  });

  it('HA-001: 1 and 2 brokers are built (development) and reported by the rule; fractions and 0 are refused', () => {
    for (const n of [1, 2]) expect(checkBrokerCount(n, 'KafkaStatefulSetCluster')?.ruleId).toBe('HA-001');
    for (const n of [3, 4, 6]) expect(checkBrokerCount(n, 'KafkaStatefulSetCluster')).toBeUndefined();
    expect(() => statefulSetChart({ cluster: { brokers: { replicas: 2.5 } } }))
      .toThrow(`HA-001 [kafka/Kafka] brokers.replicas is 2.5; ${wording(checkBrokerCount(2.5, 'KafkaStatefulSetCluster'))}`);
  });

  it('HA-006: MSK brokers that are not a multiple of the zones, refused at construction and found after an override', () => {
    const refused = checkBrokersPerZone(4, 3);
    expect(refused?.ruleId).toBe('HA-006');
    expect(() => mskStack({ cluster: { brokers: 4 } })).toThrow(`HA-006 [production/Kafka] brokers is 4; ${wording(refused)}`);
    const { stack, cluster } = mskStack();
    cluster.resource.addOverride('number_of_broker_nodes', 4);
    expect(() => Testing.synth(stack, true)).toThrow(`number_of_broker_nodes is 4 with 3 client subnet(s); ${wording(refused)}`);
    for (const [brokers, zones] of [[3, 3], [6, 3], [4, 2]]) expect(checkBrokersPerZone(brokers!, zones!)).toBeUndefined();
    for (const [brokers, zones] of [[0, 3], [NaN, 3], [2.5, 2]]) expect(checkBrokersPerZone(brokers!, zones!)?.ruleId).toBe('HA-006');
  });

  it('SEC-003: a listener without authentication refused at construction in the words the rule uses for the synthesized Kafka', () => {
    const refused = checkListenerAuthentication(undefined, 'tls');
    expect(() => strimziChart({ cluster: { listeners: [{ name: 'tls', port: 9093, authentication: undefined as unknown as ClientAuthentication }] } }))
      .toThrow(`SEC-003 [kafka/Kafka listener tls] authentication is 'none'; ${wording(refused)}`);
    const { chart, cluster } = strimziChart();
    cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/listeners/0/authentication'));
    expect(synthError(chart)).toContain(`listener 'tls' (port 9093) authentication is not set; ${wording(refused)}`);
  });

  it('SEC-003: SASL/PLAIN refused in an OAuth listener at construction, in the words the rule uses', () => {
    const refused = checkNoSaslPlain(['OAUTHBEARER', 'PLAIN']);
    expect(refused?.ruleId).toBe('SEC-003');
    expect(checkNoSaslPlain(['OAUTHBEARER'])).toBeUndefined();
    expect(() => strimziChart({ cluster: { listeners: [{ name: 'oauth', port: 9093, authentication: ClientAuthentication.oauthBearer(), customListenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER,PLAIN' } }] } }))
      .toThrow(`SEC-003 [kafka/Kafka listener oauth] customListenerConfig['sasl.enabled.mechanisms'] is 'OAUTHBEARER,PLAIN'; ${wording(refused)}`);
    expect(() => strimziChart({ cluster: { listeners: [{ name: 'oauth', port: 9093, authentication: ClientAuthentication.oauthBearer(), customListenerConfig: { 'sasl.enabled.mechanisms': 'SCRAM-SHA-512' } }] } }))
      .toThrow(/SEC-003 \[kafka\/Kafka listener oauth\] customListenerConfig\['sasl.enabled.mechanisms'\] is 'SCRAM-SHA-512'; expected 'OAUTHBEARER'/);
  });
});
