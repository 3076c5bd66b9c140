import { Testing } from 'cdktf';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { MskCluster, type MskClusterProps } from '../../lib/targets/msk/msk-cluster';
import { KafkaNetwork, type KafkaNetworkProps } from '../../lib/targets/msk/kafka-network';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { suppressMonitoringRules } from './monitoring-rules';
import { SCRATCH_APP } from './scratch';

/** What `mskStack` builds on. */
export interface MskStackOptions {
  readonly profile?: EnvironmentProfile;
  readonly network?: Partial<KafkaNetworkProps>;
  readonly cluster?: Partial<MskClusterProps>;
  /**
   * Keep the MON rules in force (the fixture has no CloudWatch alarms, so they fail).
   * @default false: the MON rules are suppressed with a reason
   */
  readonly enforceMonitoringRules?: boolean;
}

/**
 * A stack with a KafkaNetwork (3 zones, clients from 10.20.0.0/16, Prometheus from
 * 10.30.8.0/24) and an MskCluster (3 brokers, SCRAM + IAM) named `production` (or the profile's
 * name), for construct and rule tests.
 */
export function mskStack(options: MskStackOptions = {}) {
  const profile = options.profile ?? EnvironmentProfile.PRODUCTION;
  const environment = new Environment({ name: profile, profile, region: 'us-east-1' });
  const app = Testing.app(SCRATCH_APP);
  const stack = new KafkaStack(app, environment.name, { environment });
  if (!options.enforceMonitoringRules) suppressMonitoringRules(stack);
  const network = new KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
    prometheusSources: [ClientNetwork.cidr('10.30.8.0/24', 'Prometheus')],
    ...options.network,
  });
  const cluster = new MskCluster(stack, 'Kafka', {
    network,
    brokers: 3,
    authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
    ...options.cluster,
  });
  return { app, stack, environment, network, cluster };
}

/**
 * Synthesizes with the rules on (the `true` is what makes cdktf run validations), the stack
 * rendered once for the rules and the text returned (`KafkaStack.synthesizeOnce`, as KafkaApp).
 */
export function synthText(stack: KafkaStack): string {
  return stack.synthesizeOnce(() => Testing.synth(stack, true));
}

/** `synthText`, parsed. */
export function synthJson(stack: KafkaStack): Record<string, any> {
  return JSON.parse(synthText(stack));
}

/** The message of the error that synthesis (with validations) throws; fails if it does not throw. */
export function synthError(stack: KafkaStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail, but it passed');
}

/** The only resource of a type in synthesized JSON. */
export function only(json: Record<string, any>, type: string): Record<string, any> {
  const list = Object.values<Record<string, any>>(json.resource?.[type] ?? {});
  if (list.length !== 1) throw new Error(`expected one ${type}, found ${list.length}`);
  return list[0];
}

/** Every resource of a type in synthesized JSON. */
export function all(json: Record<string, any>, type: string): Record<string, any>[] {
  return Object.values<Record<string, any>>(json.resource?.[type] ?? {});
}

/** The only resource of a type whose construct path ends with `pathSuffix` (e.g. `Kafka/EncryptionKey/Resource`). */
export function at(json: Record<string, any>, type: string, pathSuffix: string): Record<string, any> {
  const list = all(json, type).filter((r) => String(r['//']?.metadata?.path ?? '').endsWith(`/${pathSuffix}`));
  if (list.length !== 1) throw new Error(`expected one ${type} at */${pathSuffix}, found ${list.length}`);
  return list[0];
}
