import { KafkaApp, type KafkaAppProps } from '../lib/app/kafka-app';
import { defineDevelopment } from './development';
import { defineDr } from './dr';
import { defineProduction } from './production';
import { defineStaging } from './staging';
import { defineStagingDr } from './staging-dr';

/** Builds every example environment into one KafkaApp (nothing is written until `synth`). */
export function buildExamples(props: KafkaAppProps = {}): KafkaApp {
  const app = new KafkaApp(props);
  const production = defineProduction(app);
  defineDr(app, production);
  const staging = defineStaging(app);
  defineStagingDr(app, staging);
  defineDevelopment(app);
  return app;
}
