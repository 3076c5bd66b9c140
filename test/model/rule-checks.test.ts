import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { checkControllerCount, checkListenerTls } from '../../lib/model/rule-checks';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { strimziChart, synthError } from '../support/strimzi-fixture';

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
