import type { Construct } from 'constructs';
import type { Environment } from '../../lib/model/environment';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { declareShopAccess } from './shop-access';

/**
 * Staging access on Strimzi: the same model as production with SCRAM for every principal,
 * as KafkaUsers and KafkaTopics of the Strimzi cluster `clusterName`, and client properties in
 * `dist/staging/clients/`.
 */
export function defineStagingAccess(scope: Construct, environment: Environment, clusterName: string): StrimziAccess {
  return new StrimziAccess(scope, 'Access', { model: declareShopAccess(environment, { iamApplications: false }), clusterName });
}
