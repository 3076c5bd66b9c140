// SEC-008: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_008_AUDIT_LOGS } from '../../lib/rules/sec-008-audit-logs';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    describe('SEC-008', () => {
      it('passes SEC-008 with CloudWatch Logs and a retention period', () => {
        expectCompliant(mskStack().stack, 'SEC-008', CLUSTER);
      });
      it('fails SEC-008 when broker logs go nowhere', () => {
        const { stack } = mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false } } });
        expectViolation(stack, 'SEC-008', CLUSTER, /ships to neither CloudWatch Logs nor S3/);
      });
      it('fails SEC-008 when an override removes the log group retention', () => {
        const { stack, cluster } = mskStack();
        cluster.logGroup!.addOverride('retention_in_days', null);
        expectViolation(stack, 'SEC-008', CLUSTER, /retention_in_days of aws_cloudwatch_log_group\.\S+ \(production\/Kafka\/BrokerLogs\) is not set/);
      });
      it('notes an S3 bucket outside the stack', () => {
        const notes = expectCompliant(mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false, s3BucketName: 'audit-logs' } } }).stack, 'SEC-008', CLUSTER);
        expect(notes[0]).toContain('Bucket audit-logs is not managed in this stack');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('SEC-008', () => {
      it('passes SEC-008 with the authorizer logger at INFO', () => {
        expectCompliant(strimziChart().chart, 'SEC-008', KAFKA_PATH);
      });
      it('fails SEC-008 when a JSON patch turns the authorizer logger OFF', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/logging/loggers/logger.authorizer.level', 'OFF'));
        expectViolation(chart, 'SEC-008', KAFKA_PATH, /authorizer logger level is 'OFF'; expected the authorizer logger at INFO/);
      });
      it('fails SEC-008 when logging points at a ConfigMap outside the synthesis', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/logging', { type: 'external', valueFrom: { configMapKeyRef: { name: 'kafka-logging', key: 'log4j2.properties' } } }));
        expectViolation(chart, 'SEC-008', KAFKA_PATH, /spec.kafka.logging is external \(ConfigMap 'kafka-logging' key 'log4j2.properties'\), which is not in this synthesis/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('SEC-008', () => {
      it('passes SEC-008 with the authorizer logger at INFO', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-008', BROKERS_PATH);
      });
      it('fails SEC-008 when a JSON patch turns the authorizer logger off', () => {
        const { chart, cluster } = statefulSetChart();
        const text = String(cluster.brokers.configMap.toJson().data['log4j2.properties']).replace('logger.authorizer.level=INFO', 'logger.authorizer.level=OFF');
        cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/log4j2.properties', text));
        expectViolation(chart, 'SEC-008', BROKERS_PATH, /the authorizer logger level in ConfigMap orders-broker-config key log4j2.properties is 'OFF'/);
      });
      it("fails SEC-008 when KAFKA_LOG4J_OPTS is removed (the image's default logs to a file in the container)", () => {
        const { chart, cluster } = statefulSetChart();
        cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.remove('/spec/template/spec/containers/0/env/4'));
        expectViolation(chart, 'SEC-008', CONTROLLERS_PATH, /container 'kafka' KAFKA_LOG4J_OPTS is not set/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_008_AUDIT_LOGS, 'SEC-008', ['msk', 'strimzi', 'statefulset']);
});
