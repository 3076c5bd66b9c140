import type { KafkaApp } from '../lib/app/kafka-app';
import type { Environment } from '../lib/core/environment';

/** The DR peer of production, in us-west-2. (Placeholder until the MSK target lands.) */
export function defineDr(app: KafkaApp, production: Environment): Environment {
  const environment = production.drPeer({ name: 'dr', region: 'us-west-2' });
  app.stack(environment);
  return environment;
}
