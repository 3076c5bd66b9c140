import type { KafkaApp } from '../lib/app/kafka-app';
import { Environment } from '../lib/core/environment';

/** The production environment. (Placeholder until the MSK target lands.) */
export function defineProduction(app: KafkaApp): Environment {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  app.stack(environment);
  return environment;
}
