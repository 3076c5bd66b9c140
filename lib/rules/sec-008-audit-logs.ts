import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, mskClusterCheck, strimziKafkaCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { block, list, literalBoolean, literalNumber } from './readers/msk-cluster-document';
import { readProperties } from '../contract/writers/properties';
import { podSpecOf, kafkaContainerOf, envValueOf, configMapFileOf } from './readers/statefulset-documents';

/** SEC-008: Audit and broker logs are shipped (MSK: CloudWatch Logs and/or S3 with a retention period; Kubernetes: the authorizer logger is on). */
export const SEC_008_AUDIT_LOGS: Rule = defineRule({
  id: 'SEC-008',
  title: 'Audit and broker logs are shipped (MSK: CloudWatch Logs and/or S3 with a retention period; Kubernetes: the authorizer logger is on).',
  explanation: 'Broker and authorizer logs are the record of who connected, what was denied and why a broker failed. Kept only on the broker, they disappear with it and cannot be searched or alerted on; kept without a retention period, they grow without bound.',
  remediation: 'MSK: ship broker logs to CloudWatch Logs (a log group with retention_in_days, encrypted with KMS) and/or S3 with a lifecycle expiration (MskCluster brokerLogs). Strimzi and StatefulSet: turn the authorizer logger (kafka.authorizer.logger) on at INFO and ship the pod logs.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * MSK: broker logs go to CloudWatch Logs and/or S3. A log group of this stack has a retention
 * period; an S3 bucket of this stack has a lifecycle configuration with an expiration.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const logs = block(block(cluster.body.logging_info).broker_logs);
  const cloudWatch = block(logs.cloudwatch_logs);
  const s3 = block(logs.s3);
  const cloudWatchOn = literalBoolean(cloudWatch.enabled) === true;
  const s3On = literalBoolean(s3.enabled) === true;
  const f = new Findings();
  const notes: string[] = [];
  f.expect(cloudWatchOn || s3On, {
    found: 'logging_info.broker_logs ships to neither CloudWatch Logs nor S3',
    expected: 'broker logs in CloudWatch Logs and/or S3, with a retention period',
    fix: 'Keep brokerLogs.cloudWatchLogs on (the default) or set brokerLogs.s3BucketName.',
  });
  if (cloudWatchOn) {
    const group = ctx.index.resolve(cloudWatch.log_group);
    if (group?.type === 'aws_cloudwatch_log_group') {
      const days = literalNumber(group.body.retention_in_days);
      f.expect((days ?? 0) > 0, {
        found: `retention_in_days of ${group.address} (${group.path}) is ${shown(group.body.retention_in_days)}`,
        expected: 'a retention period in days (not "never expire")',
        fix: 'Set brokerLogs.retentionInDays (default 365).',
      });
    } else {
      notes.push(`Log group ${String(cloudWatch.log_group)} is not managed in this stack; its retention is checked where it is managed.`);
    }
  }
  if (s3On) {
    const bucket = ctx.index.resolve(s3.bucket);
    if (bucket?.type === 'aws_s3_bucket') {
      const expiring = ctx.index.terraform('aws_s3_bucket_lifecycle_configuration')
        .filter((l) => ctx.index.resolve(l.body.bucket)?.address === bucket.address)
        .some((l) => list(l.body.rule).some((r) => hasExpiration(r)));
      f.expect(expiring, {
        found: `${bucket.address} (${bucket.path}) has no lifecycle rule with an expiration`,
        expected: 'a retention period for the broker logs',
        fix: 'Add an aws_s3_bucket_lifecycle_configuration with an expiration for the log prefix.',
      });
    } else {
      notes.push(`Bucket ${String(s3.bucket)} is not managed in this stack; its lifecycle (retention) is checked where it is managed.`);
    }
  }
  return f.outcome(notes);
}

function hasExpiration(rule: any): boolean {
  const expiration = Array.isArray(rule?.expiration) ? rule.expiration[0] : rule?.expiration;
  // An expiration is only found on a rule that is an object, hence rule.status without `?.`.
  return expiration !== undefined && expiration !== null && rule.status !== 'Disabled';
}

/**
 * Strimzi: the authorizer logger (`kafka.authorizer.logger`) is on at INFO or finer, in the
 * inline `spec.kafka.logging.loggers` (log4j2 keys) or in the external logging ConfigMap.
 */
function checkStrimzi(kafka: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const logging = kafka.body.spec?.kafka?.logging;
  const fix = "Set spec.kafka.logging: { type: 'inline', loggers: { 'logger.authorizer.name': 'kafka.authorizer.logger', 'logger.authorizer.level': 'INFO' } }.";
  const f = new Findings();
  if (logging?.type === 'external') {
    const ref = logging.valueFrom?.configMapKeyRef ?? {};
    const configMap = typeof ref.name === 'string' ? ctx.index.kubernetesByName('ConfigMap', ref.name, kafka.namespace) : undefined;
    const text = configMap?.body.data?.[ref.key];
    if (typeof text !== 'string') {
      f.add({ found: `spec.kafka.logging is external (ConfigMap ${shown(ref.name)} key ${shown(ref.key)}), which is not in this synthesis`, expected: 'a logging configuration this rule can read, with the authorizer logger on', fix });
      return f.outcome();
    }
    const level = authorizerLevel(readProperties(text));
    f.expect(authorizerOn(level), { found: `the authorizer logger level in ConfigMap ${ref.name} is ${shown(level)}`, expected: 'INFO, DEBUG or TRACE', fix });
    return f.outcome();
  }
  const loggers = logging?.type === 'inline' ? (logging.loggers ?? {}) : undefined;
  const level = loggers ? authorizerLevel(loggers) : undefined;
  f.expect(authorizerOn(level), {
    found: loggers === undefined
      ? 'spec.kafka.logging is not set, so the authorizer logger is left to the operator default'
      : `spec.kafka.logging authorizer logger level is ${shown(level)}`,
    expected: 'the authorizer logger at INFO (denials) or DEBUG (every decision)',
    fix,
  });
  return f.outcome();
}

const AUTHORIZER_ON = ['INFO', 'DEBUG', 'TRACE', 'ALL'];

/** Whether a log4j2 level (upper case, or undefined when not set) lets the authorizer log its denials. */
function authorizerOn(level: string | undefined): boolean {
  return AUTHORIZER_ON.some((on) => on === level);
}

/** The level of the log4j2 logger named `kafka.authorizer.logger` (Strimzi's default id is `authorizer`). */
function authorizerLevel(loggers: Readonly<Record<string, unknown>>): string | undefined {
  const named = Object.keys(loggers).find((k) => /^logger\.[^.]+\.name$/.test(k) && String(loggers[k]).trim() === 'kafka.authorizer.logger');
  const id = named ? named.split('.')[1] : 'authorizer';
  const level = loggers[`logger.${id}.level`];
  return level === undefined ? undefined : String(level).trim().toUpperCase();
}

/**
 * StatefulSet: the Kafka container reads a log4j2 configuration from a ConfigMap
 * (`KAFKA_LOG4J_OPTS=-Dlog4j2.configurationFile=...`) in which the authorizer logger
 * (`kafka.authorizer.logger`) is at INFO or more verbose; its output goes to stdout, which the
 * node's log agent ships. Without it, the image's default config logs authorizer decisions to a
 * file inside the container, which is lost with the pod.
 */
function checkStatefulSet({ sts: doc }: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  const container = kafkaContainerOf(podSpecOf(doc));
  const opts = envValueOf(container, 'KAFKA_LOG4J_OPTS');
  const file = opts?.match(/-Dlog4j2?\.configurationFile=(?:file:)?(\S+)/)?.[1];
  const fix = "Set KAFKA_LOG4J_OPTS to '-Dlog4j2.configurationFile=<file from a ConfigMap>' with logger.authorizer.name=kafka.authorizer.logger and logger.authorizer.level=INFO (KafkaStatefulSetCluster does).";
  const f = new Findings();
  if (file === undefined) {
    f.add({ found: `container ${shown(container?.name)} KAFKA_LOG4J_OPTS is ${shown(opts)}, so the image's default logging (authorizer log in a file inside the container) is used`, expected: 'a log4j2 configuration from a ConfigMap with the authorizer logger on, to stdout', fix });
    return f.outcome();
  }
  const source = configMapFileOf(ctx.index, doc, container, file);
  if (source?.text === undefined) {
    f.add({ found: `the log4j2 configuration ${file} is ${source ? `key ${shown(source.key)} of ConfigMap ${source.configMap}, which is not in this synthesis` : 'not mounted from a ConfigMap'}`, expected: 'a logging configuration this rule can read, with the authorizer logger on', fix });
    return f.outcome();
  }
  const level = authorizerLevel(readProperties(source.text));
  f.expect(authorizerOn(level), {
    found: `the authorizer logger level in ConfigMap ${source.configMap} key ${source.key} is ${shown(level)}`,
    expected: 'the authorizer logger at INFO (denials) or DEBUG (every decision)',
    fix,
  });
  return f.outcome();
}
