import { Testing as Cdk8sTesting } from 'cdk8s';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { Environment } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { AccessModel } from '../../lib/model/access/access-model';
import { SCRATCH_APP } from './scratch';

export const scram = (): ClientAuthentication => ClientAuthentication.scramSha512();
export const iam = (): ClientAuthentication => ClientAuthentication.iam();

/** A production environment (a new one per call: environments collect output files). */
export function productionEnv(): Environment {
  return Environment.production({ name: 'production', region: 'us-east-1' });
}

/**
 * The access model every renderer test uses: orders (producer with a transactional id),
 * billing (consumer in group billing), audit prefix reader, an admin and a MirrorMaker 2.
 */
export function sampleModel(environment: Environment, auth: () => ClientAuthentication = scram): AccessModel {
  const access = new AccessModel({ environment });
  const orders = access.addTopic('orders', { partitions: 12 });
  const state = access.addTopic('order-state', { compacted: true, minInsyncReplicas: 2 });
  const checkout = access.addPrincipal('checkout', { authentication: auth() });
  const billing = access.addPrincipal('billing', { authentication: auth() });
  orders.grantProduce(checkout, { transactionalId: 'checkout-tx' });
  state.grantProduce(checkout);
  orders.grantConsume(billing, { group: 'billing' });
  access.topicsWithPrefix('audit.').grantConsume(billing, { group: 'billing-audit' });
  access.addAdmin('kafka-admin', { authentication: auth() });
  return access;
}


/** A chart in an environment, inside a cdk8s test app. */
export function chart(environment: Environment): KafkaChart {
  return new KafkaChart(Cdk8sTesting.app(SCRATCH_APP), 'kafka', { environment });
}
