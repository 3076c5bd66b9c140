import { describe, expect, it } from 'vitest';
import { parsePropertiesText } from '../../lib/model/broker-config';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { PRODUCER_DEFAULTS } from '../../lib/model/client-defaults';
import { AccessModel } from '../../lib/model/access/access-model';
import { ClientProperties, ConsumerGroupProtocol } from '../../lib/contract/client-properties';
import { productionEnv } from '../support/access-fixtures';

function model() {
  const access = new AccessModel({ environment: productionEnv() });
  const orders = access.addTopic('orders');
  const producer = access.addPrincipal('checkout', { authentication: ClientAuthentication.iam() });
  const consumer = access.addPrincipal('billing', { authentication: ClientAuthentication.scramSha512() });
  orders.grantProduce(producer);
  orders.grantConsume(consumer, { group: 'billing' });
  return { producer, consumer };
}

describe('ClientProperties', () => {
  it('gives an MSK IAM producer acks=all, idempotence, the PERF-002 values and the IAM callback handler', () => {
    const p = ClientProperties.forMsk(model().producer, { bootstrapOutputName: 'kafka_bootstrap_brokers_sasl_iam' });
    expect(p.securityProtocol).toBe('SASL_SSL');
    expect(p.saslMechanism).toBe('AWS_MSK_IAM');
    expect(p.saslClientCallbackHandlerClass).toBe('software.amazon.msk.auth.iam.IAMClientCallbackHandler');
    expect(p.isProducer).toBe(true);
    const parsed = parsePropertiesText(p.toPropertiesText());
    for (const [k, v] of Object.entries(PRODUCER_DEFAULTS)) expect(parsed[k]).toBe(v);
    expect(parsed['acks']).toBe('all');
    expect(parsed['enable.idempotence']).toBe('true');
    expect(parsed['group.id']).toBeUndefined();
  });

  it('gives a SCRAM consumer its group and the PERF-003 values, and references the password', () => {
    const p = ClientProperties.forKubernetes(model().consumer, { bootstrapServers: 'b:9093' });
    const parsed = parsePropertiesText(p.toPropertiesText());
    expect(parsed).toMatchObject({
      'bootstrap.servers': 'b:9093', 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-512',
      'group.id': 'billing', 'group.protocol': 'classic', 'fetch.min.bytes': '1024', 'fetch.max.wait.ms': '500',
      'max.poll.records': '500', 'session.timeout.ms': '30000', 'heartbeat.interval.ms': '10000',
    });
    expect(p.saslJaasConfig).toBe('org.apache.kafka.common.security.scram.ScramLoginModule required username="billing" password="${dir:/etc/kafka/secrets/billing:password}";');
    expect(parsed['acks']).toBeUndefined();
  });

  it('leaves the session and heartbeat timeouts out under the consumer group protocol', () => {
    const parsed = parsePropertiesText(ClientProperties.forKubernetes(model().consumer, { bootstrapServers: 'b:9093', groupProtocol: ConsumerGroupProtocol.CONSUMER }).toPropertiesText());
    expect(parsed['group.protocol']).toBe('consumer');
    expect(parsed['session.timeout.ms']).toBeUndefined();
    expect(parsed['heartbeat.interval.ms']).toBeUndefined();
  });

  it('is pure: rendering twice gives the same text', () => {
    const { consumer } = model();
    expect(ClientProperties.forMsk(consumer).toPropertiesText()).toBe(ClientProperties.forMsk(consumer).toPropertiesText());
  });
});
