// The app that cdktf.json runs: `cdktf synth`, `cdktf deploy <env>`, or `npm run synth`.
// KafkaApp.synth prints one line per environment: rule errors, warnings, suppressions, where the files went.
import { buildExamples } from './examples';

buildExamples().synth();
