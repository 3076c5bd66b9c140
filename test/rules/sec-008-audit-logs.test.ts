// SEC-008: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { ApiObject, JsonPatch } from 'cdk8s';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration, type S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { terraformDocuments } from '../../lib/app/terraform-documents';
import { kubernetesDocuments } from '../../lib/app/kubernetes-documents';
import type { KafkaStack } from '../../lib/app/kafka-stack';
import type { KafkaChart } from '../../lib/app/kafka-chart';
import { expectNotApplicableToOthers, outcomeAt } from './fixtures/outcome';
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

/** SEC-008's whole outcome on the document at `path` of a stack or chart, after its escape hatches. */
const mskOutcome = (stack: KafkaStack, path = CLUSTER) => outcomeAt(SEC_008_AUDIT_LOGS, terraformDocuments(stack), path);
const chartOutcome = (chart: KafkaChart, path: string) => outcomeAt(SEC_008_AUDIT_LOGS, kubernetesDocuments(chart), path);

describe('MSK: SEC-008 findings in full', () => {
  it('is compliant with CloudWatch Logs into a log group of the stack with a retention period, and notes nothing', () => {
    expect(mskOutcome(mskStack().stack)).toEqual({ status: 'compliant' });
  });

  it('reports broker logs shipped nowhere', () => {
    expect(mskOutcome(mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false } } }).stack)).toEqual({ status: 'non-compliant', findings: [{
      found: 'logging_info.broker_logs ships to neither CloudWatch Logs nor S3',
      expected: 'broker logs in CloudWatch Logs and/or S3, with a retention period',
      fix: 'Keep brokerLogs.cloudWatchLogs on (the default) or set brokerLogs.s3BucketName.',
    }] });
  });

  it('reports broker logs shipped nowhere when an override leaves logging_info out', () => {
    const { stack, cluster } = mskStack();
    cluster.resource.addOverride('logging_info', null);
    const o = mskOutcome(stack);
    expect(o.status === 'non-compliant' && o.findings!.map((f) => f.found)).toEqual(['logging_info.broker_logs ships to neither CloudWatch Logs nor S3']);
  });

  it.each([
    ['removes', null, 'not set'],
    ['sets 0 (never expire)', 0, '0'],
    ['sets an expression', '${var.retention}', "'${var.retention}'"],
  ])('reports a log group whose retention an override %s', (_, value, shownValue) => {
    const { stack, cluster } = mskStack();
    cluster.logGroup!.addOverride('retention_in_days', value);
    const address = terraformDocuments(stack).find((d) => d.type === 'aws_cloudwatch_log_group')!.address;
    expect(mskOutcome(stack)).toEqual({ status: 'non-compliant', findings: [{
      found: `retention_in_days of ${address} (production/Kafka/BrokerLogs) is ${shownValue}`,
      expected: 'a retention period in days (not "never expire")',
      fix: 'Set brokerLogs.retentionInDays (default 365).',
    }] });
  });

  it('accepts a retention of one day, and one written as a numeric string', () => {
    for (const days of [1, '1']) {
      const { stack, cluster } = mskStack();
      cluster.logGroup!.addOverride('retention_in_days', days);
      expect(mskOutcome(stack), String(days)).toEqual({ status: 'compliant' });
    }
  });

  it.each([
    ['a log group name (not a reference)', 'shared-kafka-broker-logs'],
    ['a reference to a log group this stack does not hold', '${aws_cloudwatch_log_group.shared.name}'],
    ['a reference to a resource that is no log group', '${aws_kms_key.Kafka_EncryptionKey.arn}'],
  ])('notes, and leaves to where it is managed, %s', (_, logGroup) => {
    const { stack, cluster } = mskStack();
    cluster.resource.addOverride('logging_info.broker_logs.cloudwatch_logs.log_group', logGroup);
    expect(mskOutcome(stack)).toEqual({ status: 'compliant', notes: [`Log group ${logGroup} is not managed in this stack; its retention is checked where it is managed.`] });
  });

  describe('S3', () => {
    const EXPIRE: S3BucketLifecycleConfigurationRule = { id: 'expire-broker-logs', status: 'Enabled', filter: [{ prefix: 'msk-broker-logs/' }], expiration: [{ days: 365 }] };
    const TRANSITION_ONLY: S3BucketLifecycleConfigurationRule = { id: 'archive', status: 'Enabled', filter: [{ prefix: 'msk-broker-logs/' }], transition: [{ days: 30, storageClass: 'GLACIER' }] };

    /** Broker logs to S3 only, into a bucket of the stack, with the lifecycle configurations given (each a list of rules, for `bucket` or another bucket). */
    function s3Logs(lifecycles: readonly { readonly rules: S3BucketLifecycleConfigurationRule[]; readonly otherBucket?: boolean }[]) {
      const m = mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false, s3BucketName: '${aws_s3_bucket.broker_logs.bucket}' } } });
      const bucket = new S3Bucket(m.stack, 'BrokerLogBucket', { bucket: 'production-broker-logs' });
      bucket.overrideLogicalId('broker_logs');
      const other = new S3Bucket(m.stack, 'OtherBucket', { bucket: 'production-other' });
      lifecycles.forEach((l, i) => new S3BucketLifecycleConfiguration(m.stack, `Lifecycle${i}`, { bucket: (l.otherBucket ? other : bucket).id, rule: l.rules }));
      return m;
    }
    const NO_EXPIRATION = {
      found: 'aws_s3_bucket.broker_logs (production/BrokerLogBucket) has no lifecycle rule with an expiration',
      expected: 'a retention period for the broker logs',
      fix: 'Add an aws_s3_bucket_lifecycle_configuration with an expiration for the log prefix.',
    };

    it('is compliant with a bucket of the stack whose lifecycle expires the logs, and notes nothing', () => {
      expect(mskOutcome(s3Logs([{ rules: [EXPIRE] }]).stack)).toEqual({ status: 'compliant' });
    });

    it('is compliant when one rule of the lifecycle expires the logs and another only archives them', () => {
      expect(mskOutcome(s3Logs([{ rules: [TRANSITION_ONLY, EXPIRE] }]).stack)).toEqual({ status: 'compliant' });
    });

    it.each([
      ['no lifecycle configuration', []],
      ['a lifecycle that only archives', [{ rules: [TRANSITION_ONLY] }]],
      ['an expiration rule that is disabled', [{ rules: [{ ...EXPIRE, status: 'Disabled' }] }]],
      ['an expiring lifecycle of another bucket only', [{ rules: [EXPIRE], otherBucket: true }]],
    ])('reports a bucket of the stack with %s', (_, lifecycles) => {
      expect(mskOutcome(s3Logs(lifecycles).stack)).toEqual({ status: 'non-compliant', findings: [NO_EXPIRATION] });
    });

    it('reads a hand-written lifecycle rule whose expiration is one object, or null', () => {
      const docs = terraformDocuments(s3Logs([{ rules: [EXPIRE] }]).stack);
      const withRule = (rule: unknown) => docs.map((d) => (d.type === 'aws_s3_bucket_lifecycle_configuration' ? { ...d, body: { ...d.body, rule } } : d));
      expect(outcomeAt(SEC_008_AUDIT_LOGS, withRule([null, { id: 'expire', status: 'Enabled', expiration: { days: 365 } }]), CLUSTER)).toEqual({ status: 'compliant' });
      expect(outcomeAt(SEC_008_AUDIT_LOGS, withRule({ id: 'expire', status: 'Enabled', expiration: null }), CLUSTER)).toEqual({ status: 'non-compliant', findings: [NO_EXPIRATION] });
    });

    it('reads the lifecycle of the bucket beside one whose bucket is a literal name (another stack\'s bucket)', () => {
      const docs = terraformDocuments(s3Logs([{ rules: [EXPIRE] }]).stack);
      const lifecycle = docs.find((d) => d.type === 'aws_s3_bucket_lifecycle_configuration')!;
      const literal = { ...lifecycle, name: 'literal', address: 'aws_s3_bucket_lifecycle_configuration.literal', path: 'production/Literal', body: { ...lifecycle.body, bucket: 'someone-elses-bucket' } };
      expect(outcomeAt(SEC_008_AUDIT_LOGS, [literal, ...docs], CLUSTER)).toEqual({ status: 'compliant' });
      expect(outcomeAt(SEC_008_AUDIT_LOGS, [literal, ...docs.filter((d) => d !== lifecycle)], CLUSTER)).toEqual({ status: 'non-compliant', findings: [NO_EXPIRATION] });
    });

    it('checks both destinations: CloudWatch Logs with its retention and S3 with its expiration', () => {
      const { stack, cluster } = s3Logs([]);
      cluster.resource.addOverride('logging_info.broker_logs.cloudwatch_logs', { enabled: true, log_group: 'shared-kafka-broker-logs' });
      expect(mskOutcome(stack)).toEqual({ status: 'non-compliant', findings: [NO_EXPIRATION] });
    });

    it('notes a bucket this stack does not hold, and nothing about CloudWatch Logs it does not use', () => {
      expect(mskOutcome(mskStack({ cluster: { brokerLogs: { cloudWatchLogs: false, s3BucketName: 'audit-logs' } } }).stack))
        .toEqual({ status: 'compliant', notes: ['Bucket audit-logs is not managed in this stack; its lifecycle (retention) is checked where it is managed.'] });
    });
  });

  it('is not applicable to the other resources of the stack', () => {
    expectNotApplicableToOthers(SEC_008_AUDIT_LOGS, terraformDocuments(mskStack().stack), (d) => d.source === 'terraform' && d.type === 'aws_msk_cluster');
  });
});

describe('Strimzi: SEC-008 findings in full', () => {
  const FIX = "Set spec.kafka.logging: { type: 'inline', loggers: { 'logger.authorizer.name': 'kafka.authorizer.logger', 'logger.authorizer.level': 'INFO' } }.";
  const EXPECTED = 'the authorizer logger at INFO (denials) or DEBUG (every decision)';
  const LOGGERS = '/spec/kafka/logging/loggers';
  const withLoggers = (loggers: Record<string, string>) => {
    const { chart, cluster } = strimziChart();
    cluster.kafka.addJsonPatch(JsonPatch.replace(LOGGERS, loggers));
    return chartOutcome(chart, KAFKA_PATH);
  };

  it('is compliant with the authorizer logger at INFO', () => {
    expect(chartOutcome(strimziChart().chart, KAFKA_PATH)).toEqual({ status: 'compliant' });
  });

  it.each([['DEBUG'], ['TRACE'], ['ALL'], [' debug ']])('accepts the authorizer logger at %j', (level) => {
    expect(withLoggers({ 'logger.authorizer.name': 'kafka.authorizer.logger', 'logger.authorizer.level': level })).toEqual({ status: 'compliant' });
  });

  it.each([['OFF'], ['WARN'], ['ERROR']])('reports the authorizer logger at %s', (level) => {
    expect(withLoggers({ 'logger.authorizer.name': 'kafka.authorizer.logger', 'logger.authorizer.level': level }))
      .toEqual({ status: 'non-compliant', findings: [{ found: `spec.kafka.logging authorizer logger level is '${level}'`, expected: EXPECTED, fix: FIX }] });
  });

  it('reads the level of the logger named kafka.authorizer.logger, whatever its id (after other loggers, around spaces)', () => {
    expect(withLoggers({
      'logger.server.name': 'kafka.server', 'logger.server.level': 'WARN',
      'logger.audit.name': ' kafka.authorizer.logger ', 'logger.audit.level': 'INFO',
      'logger.authorizer.level': 'OFF',
    })).toEqual({ status: 'compliant' });
  });

  it('falls back to the id authorizer when no key of the logger.<id>.name form names the authorizer logger', () => {
    expect(withLoggers({
      'xlogger.a.name': 'kafka.authorizer.logger', 'logger.a.level': 'INFO',
      'logger.b.namex': 'kafka.authorizer.logger', 'logger.b.level': 'INFO',
      'logger.authorizer.level': 'OFF',
    })).toEqual({ status: 'non-compliant', findings: [{ found: "spec.kafka.logging authorizer logger level is 'OFF'", expected: EXPECTED, fix: FIX }] });
  });

  it('reports inline loggers that leave the authorizer level unset', () => {
    expect(withLoggers({ 'rootLogger.level': 'INFO' }))
      .toEqual({ status: 'non-compliant', findings: [{ found: 'spec.kafka.logging authorizer logger level is not set', expected: EXPECTED, fix: FIX }] });
  });

  it('reports inline logging without loggers', () => {
    const { chart, cluster } = strimziChart();
    cluster.kafka.addJsonPatch(JsonPatch.remove(LOGGERS));
    expect(chartOutcome(chart, KAFKA_PATH))
      .toEqual({ status: 'non-compliant', findings: [{ found: 'spec.kafka.logging authorizer logger level is not set', expected: EXPECTED, fix: FIX }] });
  });

  it.each([['/spec/kafka/logging'], ['/spec/kafka'], ['/spec']])('reports logging left to the operator default when %s is removed', (removed) => {
    const { chart, cluster } = strimziChart();
    cluster.kafka.addJsonPatch(JsonPatch.remove(removed));
    expect(chartOutcome(chart, KAFKA_PATH)).toEqual({ status: 'non-compliant', findings: [{
      found: 'spec.kafka.logging is not set, so the authorizer logger is left to the operator default', expected: EXPECTED, fix: FIX,
    }] });
  });

  describe('external logging (a ConfigMap key)', () => {
    const EXTERNAL = { type: 'external', valueFrom: { configMapKeyRef: { name: 'kafka-logging', key: 'log4j2.properties' } } };
    /** The fixture with logging from `ref`, and a ConfigMap `name` in `namespace` holding `data`. */
    function external(data: Record<string, string> | undefined, o: { logging?: unknown; name?: string; namespace?: string } = {}) {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/logging', o.logging ?? EXTERNAL));
      new ApiObject(chart, 'Logging', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: o.name ?? 'kafka-logging', namespace: o.namespace ?? 'kafka' }, ...(data ? { data } : {}) });
      return chartOutcome(chart, KAFKA_PATH);
    }
    const log4j2 = (level: string) => ({ 'log4j2.properties': `logger.authorizer.name=kafka.authorizer.logger\nlogger.authorizer.level=${level}\n` });
    const unreadable = (found: string) => ({ status: 'non-compliant', findings: [{ found, expected: 'a logging configuration this rule can read, with the authorizer logger on', fix: FIX }] });

    it('is compliant when the ConfigMap key sets the authorizer logger at INFO', () => {
      expect(external(log4j2('INFO'))).toEqual({ status: 'compliant' });
    });

    it('reports the authorizer logger level the ConfigMap key sets', () => {
      expect(external(log4j2('WARN'))).toEqual({ status: 'non-compliant', findings: [{
        found: "the authorizer logger level in ConfigMap kafka-logging is 'WARN'", expected: 'INFO, DEBUG or TRACE', fix: FIX,
      }] });
    });

    it('reports a ConfigMap key that does not set the authorizer level', () => {
      expect(external({ 'log4j2.properties': 'rootLogger.level=INFO\n' })).toEqual({ status: 'non-compliant', findings: [{
        found: 'the authorizer logger level in ConfigMap kafka-logging is not set', expected: 'INFO, DEBUG or TRACE', fix: FIX,
      }] });
    });

    it.each([
      ['a ConfigMap of another name', log4j2('INFO'), { name: 'other-logging' }],
      ['a ConfigMap of another namespace', log4j2('INFO'), { namespace: 'other' }],
      ['a ConfigMap without that key', { 'other.properties': 'x=y' }, {}],
      ['a ConfigMap without data', undefined, {}],
    ])('reports logging it cannot read: %s', (_, data, o) => {
      expect(external(data, o)).toEqual(unreadable("spec.kafka.logging is external (ConfigMap 'kafka-logging' key 'log4j2.properties'), which is not in this synthesis"));
    });

    it('reports external logging without a reference', () => {
      expect(external(log4j2('INFO'), { logging: { type: 'external' } })).toEqual(unreadable('spec.kafka.logging is external (ConfigMap not set key not set), which is not in this synthesis'));
    });

    it('does not look a ConfigMap up by a name that is not a string (the Strimzi schema refuses it), even when one is named alike', () => {
      expect(external(log4j2('INFO'), { logging: { type: 'external', valueFrom: { configMapKeyRef: { name: 123, key: 'log4j2.properties' } } }, name: '123' }))
        .toEqual(unreadable("spec.kafka.logging is external (ConfigMap 123 key 'log4j2.properties'), which is not in this synthesis"));
    });
  });

  it('is not applicable to the node pools and other resources of the chart', () => {
    expectNotApplicableToOthers(SEC_008_AUDIT_LOGS, kubernetesDocuments(strimziChart().chart), (d) => d.source === 'kubernetes' && d.kind === 'Kafka');
  });
});

describe('StatefulSet: SEC-008 findings in full', () => {
  const FIX = "Set KAFKA_LOG4J_OPTS to '-Dlog4j2.configurationFile=<file from a ConfigMap>' with logger.authorizer.name=kafka.authorizer.logger and logger.authorizer.level=INFO (KafkaStatefulSetCluster does).";
  const UNREADABLE = 'a logging configuration this rule can read, with the authorizer logger on';
  const OPTS = '/spec/template/spec/containers/0/env/4';
  const withOpts = (value: string) => {
    const { chart, cluster } = statefulSetChart();
    expect(cluster.brokers.statefulSet.toJson().spec.template.spec.containers[0].env[4].name).toBe('KAFKA_LOG4J_OPTS');
    cluster.brokers.statefulSet.addJsonPatch(JsonPatch.replace(`${OPTS}/value`, value));
    return chartOutcome(chart, BROKERS_PATH);
  };
  const withLog4j2 = (edit: (text: string) => string) => {
    const { chart, cluster } = statefulSetChart();
    cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/log4j2.properties', edit(String(cluster.brokers.configMap.toJson().data['log4j2.properties']))));
    return chartOutcome(chart, BROKERS_PATH);
  };

  it('is compliant on the brokers and the controllers as KafkaStatefulSetCluster writes them', () => {
    const { chart } = statefulSetChart();
    expect(chartOutcome(chart, BROKERS_PATH)).toEqual({ status: 'compliant' });
    expect(chartOutcome(chart, CONTROLLERS_PATH)).toEqual({ status: 'compliant' });
  });

  // Log4j 2 reads the configuration file from log4j2.configurationFile and from its legacy name
  // log4j.configurationFile, as a path or a file: URL (Apache Log4j 2 manual, "Global
  // configuration properties", log4j2.configurationFile).
  it.each([
    ['-Dlog4j.configurationFile=/etc/kafka-iac/config/log4j2.properties'],
    ['-Xlog:gc -Dlog4j2.configurationFile=file:/etc/kafka-iac/config/log4j2.properties'],
  ])('reads the configuration file from %s', (opts) => {
    expect(withOpts(opts)).toEqual({ status: 'compliant' });
  });

  it('reports the authorizer logger turned off in the ConfigMap', () => {
    expect(withLog4j2((t) => t.replace('logger.authorizer.level=INFO', 'logger.authorizer.level=OFF'))).toEqual({ status: 'non-compliant', findings: [{
      found: "the authorizer logger level in ConfigMap orders-broker-config key log4j2.properties is 'OFF'",
      expected: 'the authorizer logger at INFO (denials) or DEBUG (every decision)', fix: FIX,
    }] });
  });

  it('accepts the authorizer logger at debug, in lower case', () => {
    expect(withLog4j2((t) => t.replace('logger.authorizer.level=INFO', 'logger.authorizer.level=debug'))).toEqual({ status: 'compliant' });
  });

  it('reports a configuration without the authorizer level', () => {
    expect(withLog4j2((t) => t.replace(/^logger\.authorizer\.level=.*$/m, ''))).toEqual({ status: 'non-compliant', findings: [{
      found: 'the authorizer logger level in ConfigMap orders-broker-config key log4j2.properties is not set',
      expected: 'the authorizer logger at INFO (denials) or DEBUG (every decision)', fix: FIX,
    }] });
  });

  it("reports KAFKA_LOG4J_OPTS removed (the image's default logs to a file in the container)", () => {
    const { chart, cluster } = statefulSetChart();
    cluster.brokers.statefulSet.addJsonPatch(JsonPatch.remove(OPTS));
    expect(chartOutcome(chart, BROKERS_PATH)).toEqual({ status: 'non-compliant', findings: [{
      found: "container 'kafka' KAFKA_LOG4J_OPTS is not set, so the image's default logging (authorizer log in a file inside the container) is used",
      expected: 'a log4j2 configuration from a ConfigMap with the authorizer logger on, to stdout', fix: FIX,
    }] });
  });

  it('reports KAFKA_LOG4J_OPTS that names no configuration file', () => {
    const o = withOpts('-Dlog4j2.debug=true');
    expect(o.status === 'non-compliant' && o.findings!.map((f) => f.found)).toEqual(["container 'kafka' KAFKA_LOG4J_OPTS is '-Dlog4j2.debug=true', so the image's default logging (authorizer log in a file inside the container) is used"]);
  });

  it('reports a pod without containers', () => {
    const { chart, cluster } = statefulSetChart();
    cluster.brokers.statefulSet.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers', []));
    const o = chartOutcome(chart, BROKERS_PATH);
    expect(o.status === 'non-compliant' && o.findings!.map((f) => f.found)).toEqual(["container not set KAFKA_LOG4J_OPTS is not set, so the image's default logging (authorizer log in a file inside the container) is used"]);
  });

  it.each([
    ['a path no volume is mounted at', '/etc/other/log4j2.properties', 'the log4j2 configuration /etc/other/log4j2.properties is not mounted from a ConfigMap'],
    ['a path on a volume that is no ConfigMap', '/var/log/kafka/log4j2.properties', 'the log4j2 configuration /var/log/kafka/log4j2.properties is not mounted from a ConfigMap'],
    ['a key the mounted ConfigMap does not hold', '/etc/kafka-iac/config/missing.properties', "the log4j2 configuration /etc/kafka-iac/config/missing.properties is key 'missing.properties' of ConfigMap orders-broker-config, which is not in this synthesis"],
  ])('reports a configuration file at %s', (_, file, found) => {
    expect(withOpts(`-Dlog4j2.configurationFile=${file}`)).toEqual({ status: 'non-compliant', findings: [{ found, expected: UNREADABLE, fix: FIX }] });
  });

  it('is not applicable to the ConfigMaps, Services and other resources of the chart', () => {
    expectNotApplicableToOthers(SEC_008_AUDIT_LOGS, kubernetesDocuments(statefulSetChart().chart), (d) => d.source === 'kubernetes' && d.kind === 'StatefulSet');
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_008_AUDIT_LOGS, 'SEC-008', ['msk', 'strimzi', 'statefulset']);
});
