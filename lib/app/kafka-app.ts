// KafkaApp with both targets loaded: cdktf (app.stack) and cdk8s (app.chart). The entry points
// `kafka-iac/msk` and `kafka-iac/kubernetes` load one each (see app-targets.ts).
import './kafka-stack';
import './kafka-chart';

export * from './kafka-app-core';
