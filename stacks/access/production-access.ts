import type { MskCluster } from '../../lib/targets/msk/msk-cluster';
import type { MskScramUser } from '../../lib/targets/msk/msk-scram-user';
import type { Environment } from '../../lib/model/environment';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import type { Construct } from 'constructs';
import { declareShopAccess } from './shop-access';

/**
 * Production access on MSK: IAM policies for the applications (attached to their task roles),
 * SCRAM users for orders-service and the admin, an IAM policy for the admin (the admin script
 * logs in with IAM to create the first ACLs), the SCRAM ACLs and topics as
 * `dist/production/kafka-admin/`, and client properties in `dist/production/clients/`.
 */
export function defineProductionAccess(scope: Construct, environment: Environment, cluster: MskCluster, scramUsers: readonly MskScramUser[] = []): MskAccess {
  return new MskAccess(scope, 'Access', {
    model: declareShopAccess(environment, { iamApplications: true }),
    cluster,
    scramUsers,
    // kafka-admin: the cluster enforces ACLs and MSK has no super.users, so kafka-admin/apply.sh
    // logs in with IAM; this role holds the admin's IAM policy.
    roleNames: { 'payments-service': 'payments-service-task', 'billing': 'billing-task', 'kafka-admin': 'platform-kafka-admin' },
  });
}
