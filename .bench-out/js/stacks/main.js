"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The app that cdktf.json runs: `cdktf synth`, `cdktf deploy <env>`, or `npm run synth`.
const examples_1 = require("./examples");
for (const env of (0, examples_1.buildExamples)().synth()) {
    const outputs = [...env.terraformDirs, env.distDir].join(', ');
    console.log(`${env.environment}: ${env.errors} rule errors, ${env.warnings} warnings, ${env.suppressed} suppressed -> ${outputs}`);
}
