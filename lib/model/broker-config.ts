import { checkInteger } from './grammar/numbers';
import { MAX_BROKER_THREADS, MAX_BROKERS, MAX_RETENTION_HOURS } from './grammar/limits';
import { KafkaIacError } from './errors';
import { checkConfigName } from './grammar/names';
import { readProperties, writeSortedProperties } from './properties-format';

/**
 * Broker settings that every target renders: into an `aws_msk_configuration`, a Strimzi
 * `spec.kafka.config`, or a StatefulSet `server.properties`.
 *
 * Defaults follow HA-002/003/008/010 and PERF-001 in RULES.md.
 */
export interface BrokerConfigProps {
  /**
   * `default.replication.factor`, `offsets.topic.replication.factor` and
   * `transaction.state.log.replication.factor`.
   * @default 3 (1 for a single-broker development cluster)
   * @see HA-002
   */
  readonly replicationFactor?: number;
  /**
   * `min.insync.replicas` and `transaction.state.log.min.isr`.
   * @default 2 (1 for a single-broker development cluster)
   * @see HA-003
   */
  readonly minInsyncReplicas?: number;
  /**
   * `num.network.threads`.
   * @default 8
   * @see PERF-001
   */
  readonly numNetworkThreads?: number;
  /**
   * `num.io.threads`.
   * @default 16
   * @see PERF-001
   */
  readonly numIoThreads?: number;
  /**
   * `log.retention.hours`.
   * @default 168
   * @see PERF-001
   */
  readonly logRetentionHours?: number;
  /**
   * More broker properties, written as given. Rules still check the result, so an extra
   * property cannot weaken an HA or SEC setting without failing synthesis.
   * @default - none
   */
  readonly extra?: Readonly<Record<string, string>>;
}

/** The PERF-001 broker defaults. */
export const PERF_BROKER_DEFAULTS: Readonly<Record<string, string>> = {
  'num.network.threads': '8',
  'num.io.threads': '16',
  'socket.send.buffer.bytes': '102400',
  'socket.receive.buffer.bytes': '102400',
  'log.segment.bytes': String(1024 ** 3),
  'log.retention.hours': '168',
  'replica.fetch.max.bytes': String(1024 ** 2),
  'replica.lag.time.max.ms': '30000',
};

/**
 * Renders the broker properties for a cluster of `brokers` brokers.
 * Pure: the same input always gives the same, newly built, object.
 */
export function renderBrokerProperties(path: string, brokers: number, props: BrokerConfigProps = {}): Record<string, string> {
  checkInteger(brokers, { code: 'HA-001', path, prop: 'brokers' }, { min: 1, max: MAX_BROKERS, limitOf: 'Kubernetes nodes-per-cluster' });
  if (props === null || typeof props !== 'object') {
    throw KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: 'brokerConfig', found: props, expected: 'an object of broker settings, or nothing', fix: 'Pass { numNetworkThreads: 8 } or leave brokerConfig out.' });
  }
  const single = brokers < 3;
  const rf = props.replicationFactor ?? (single ? brokers : 3);
  const minIsr = props.minInsyncReplicas ?? (single ? 1 : 2);
  if (!Number.isInteger(rf) || rf < 1 || rf > brokers) {
    throw KafkaIacError.invalidProp({
      code: 'HA-002', path, prop: 'replicationFactor', found: rf,
      expected: `an integer from 1 to the broker count (${brokers}); 3 in production`,
      fix: 'Set replicationFactor: 3 with at least 3 brokers.',
    });
  }
  if (!Number.isInteger(minIsr) || minIsr < 1 || (rf > 1 && minIsr >= rf)) {
    throw KafkaIacError.invalidProp({
      code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
      expected: `an integer below the replication factor (${rf}); 2 in production`,
      fix: 'Set minInsyncReplicas: 2 with replicationFactor: 3.',
    });
  }
  const out: Record<string, string> = {
    'default.replication.factor': String(rf),
    'offsets.topic.replication.factor': String(rf),
    'transaction.state.log.replication.factor': String(rf),
    'min.insync.replicas': String(minIsr),
    'transaction.state.log.min.isr': String(minIsr),
    'unclean.leader.election.enable': 'false',
    'auto.create.topics.enable': 'false',
    ...PERF_BROKER_DEFAULTS,
  };
  const threads = { min: 1, max: MAX_BROKER_THREADS, limitOf: 'kafka-iac thread-pool' } as const;
  if (props.numNetworkThreads !== undefined) out['num.network.threads'] = String(checkInteger(props.numNetworkThreads, { code: 'PERF-001', path, prop: 'numNetworkThreads' }, threads));
  if (props.numIoThreads !== undefined) out['num.io.threads'] = String(checkInteger(props.numIoThreads, { code: 'PERF-001', path, prop: 'numIoThreads' }, threads));
  if (props.logRetentionHours !== undefined) {
    // log.retention.hours is an int in Kafka; -1 keeps logs forever.
    const hours = props.logRetentionHours === -1 ? -1 : checkInteger(props.logRetentionHours, { code: 'PERF-001', path, prop: 'logRetentionHours' }, { min: 1, max: MAX_RETENTION_HOURS, limitOf: 'kafka-iac retention (100 years)', fix: `Set logRetentionHours: 168 for seven days, -1 for unlimited, or at most ${MAX_RETENTION_HOURS}.` });
    out['log.retention.hours'] = String(hours);
  }
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(props.extra ?? {})) {
    checkConfigName(k, { code: 'KIAC-PROP', path, prop: 'extra key' });
    if (typeof v !== 'string') throw KafkaIacError.grammar({ code: 'KIAC-PROP', path, prop: `extra['${k}']`, found: v, grammar: 'a string', fix: `Write the value as a string, for example '${String(v)}'.` });
    extra[k] = v;
  }
  return { ...out, ...extra };
}

/**
 * Renders properties in `server.properties` form, sorted by key, escaped as
 * java.util.Properties reads them.
 * @deprecated use `writeSortedProperties` of lib/contract/writers/properties.ts
 */
export const toPropertiesText = writeSortedProperties;

/**
 * Parses a properties text as java.util.Properties.load does.
 * @deprecated use `readProperties` of lib/contract/writers/properties.ts
 */
export const parsePropertiesText = readProperties;
