import type { KafkaApp } from '../lib/app/kafka-app';
import { Environment } from '../lib/core/environment';

/** The staging environment. (Placeholder until its target lands.) */
export function defineStaging(app: KafkaApp): Environment {
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  app.chart(environment, 'kafka');
  return environment;
}
