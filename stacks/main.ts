// The app that cdktf.json runs: `cdktf synth`, `cdktf deploy <env>`, or `npm run synth`.
import { buildExamples } from './examples';

buildExamples().synth();
