import type { KafkaApp } from '../lib/app/kafka-app';
import { Environment } from '../lib/core/environment';

/** The development environment. (Placeholder until its target lands.) */
export function defineDevelopment(app: KafkaApp): Environment {
  const environment = Environment.development({ name: 'development', region: 'us-east-1' });
  app.chart(environment, 'kafka');
  return environment;
}
