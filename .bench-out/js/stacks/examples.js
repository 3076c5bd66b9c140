"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildExamples = buildExamples;
const kafka_app_1 = require("../lib/app/kafka-app");
const development_1 = require("./development");
const dr_1 = require("./dr");
const production_1 = require("./production");
const staging_1 = require("./staging");
const staging_dr_1 = require("./staging-dr");
/** Builds every example environment into one KafkaApp (nothing is written until `synth`). */
function buildExamples(props = {}) {
    const app = new kafka_app_1.KafkaApp(props);
    const production = (0, production_1.defineProduction)(app);
    (0, dr_1.defineDr)(app, production);
    const staging = (0, staging_1.defineStaging)(app);
    (0, staging_dr_1.defineStagingDr)(app, staging);
    (0, development_1.defineDevelopment)(app);
    return app;
}
