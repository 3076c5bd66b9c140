import type { Construct } from 'constructs';
import type { AccessModel } from '../../lib/model/access/access-model';
import { grantLagRead } from '../../lib/model/access/consumer-lag-access';
import type { Principal } from '../../lib/model/access/principal';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import type { Environment } from '../../lib/model/environment';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { declareShopAccess } from './shop-access';

/** Staging access: the rendered KafkaUsers and KafkaTopics, the model, and KEDA's scaler principal. */
export interface StagingAccess {
  readonly access: StrimziAccess;
  readonly model: AccessModel;
  /** `keda-payments`: reads the lag of group `payments` (Describe on the group and its topics only). */
  readonly paymentsScaler: Principal;
}

/**
 * Staging access on Strimzi: the same model as production with SCRAM for every principal, plus
 * the principal KEDA uses to read the lag of group `payments`, as KafkaUsers and KafkaTopics of
 * the Strimzi cluster `clusterName`, and client properties in `dist/staging/clients/`.
 */
export function defineStagingAccess(scope: Construct, environment: Environment, clusterName: string): StagingAccess {
  const model = declareShopAccess(environment, { iamApplications: false });
  const paymentsScaler = model.addPrincipal('keda-payments', { authentication: ClientAuthentication.scramSha512(), description: 'KEDA: reads the lag of group payments' });
  grantLagRead(model, paymentsScaler, 'payments');
  return { access: new StrimziAccess(scope, 'Access', { model, clusterName }), model, paymentsScaler };
}
