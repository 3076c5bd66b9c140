// The app that cdktf.json runs: `cdktf synth`, `cdktf deploy <env>`, or `npm run synth`.
import { buildExamples } from './examples';

for (const env of buildExamples().synth()) {
  const outputs = [...env.terraformDirs, env.distDir].join(', ');
  console.log(`${env.environment}: ${env.errors} rule errors, ${env.warnings} warnings, ${env.suppressed} suppressed -> ${outputs}`);
}
