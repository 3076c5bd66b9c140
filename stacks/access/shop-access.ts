import { ClientAuthentication } from '../../lib/model/client-authentication';
import type { Environment } from '../../lib/model/environment';
import { AclOperation, AclResource } from '../../lib/model/access/acl';
import { AccessModel } from '../../lib/model/access/access-model';

export interface ShopAccessOptions {
  /**
   * Authenticate the applications with IAM (MSK) instead of SCRAM-SHA-512. The orders
   * service and the admin always use SCRAM.
   */
  readonly iamApplications: boolean;
  /**
   * The cluster's replication factor and `min.insync.replicas`, inherited by every topic.
   * A single-node development cluster needs `{ replicationFactor: 1, minInsyncReplicas: 1 }`.
   * @default - the model's defaults: 3 and 2
   */
  readonly replication?: { readonly replicationFactor: number; readonly minInsyncReplicas: number };
}

/**
 * The example shop's access model, shared by production (MSK) and staging (Strimzi), with
 * every kind of grant:
 * - topics `orders` and `payments`, an audit topic `audit.events` (90 days), and a compacted
 *   state topic `order-state`;
 * - `orders-service` produces orders and order-state, transactionally;
 * - `payments-service` consumes orders (group `payments`) and produces payments;
 * - `billing` consumes payments (group `billing`);
 * - `audit-sink` consumes every `audit.` topic by prefix (group `audit-sink`), denied `audit.pii`;
 * - `kafka-admin`, the one principal with cluster-wide rights.
 */
export function declareShopAccess(environment: Environment, options: ShopAccessOptions): AccessModel {
  const app = (): ClientAuthentication => (options.iamApplications ? ClientAuthentication.iam() : ClientAuthentication.scramSha512());
  const access = new AccessModel({
    environment,
    defaultReplicationFactor: options.replication?.replicationFactor,
    defaultMinInsyncReplicas: options.replication?.minInsyncReplicas,
  });
  const orders = access.addTopic('orders', { partitions: 12 });
  const payments = access.addTopic('payments', { partitions: 12 });
  access.addTopic('audit.events', { partitions: 6, retentionHours: 90 * 24 });
  const orderState = access.addTopic('order-state', { partitions: 6, compacted: true });

  const ordersService = access.addPrincipal('orders-service', { authentication: ClientAuthentication.scramSha512(), description: 'Checkout: writes orders' });
  orders.grantProduce(ordersService, { transactionalId: 'orders-service-', transactionalIdIsPrefix: true });
  orderState.grantProduce(ordersService);

  const paymentsService = access.addPrincipal('payments-service', { authentication: app(), description: 'Charges orders' });
  orders.grantConsume(paymentsService, { group: 'payments' });
  payments.grantProduce(paymentsService);

  const billing = access.addPrincipal('billing', { authentication: app(), description: 'Invoices payments' });
  payments.grantConsume(billing, { group: 'billing' });

  const auditSink = access.addPrincipal('audit-sink', { authentication: app(), description: 'Ships audit topics to the archive' });
  access.topicsWithPrefix('audit.').grantConsume(auditSink, { group: 'audit-sink' });
  auditSink.addDeny(AclResource.topic('audit.pii'), [AclOperation.READ]);

  access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512(), description: 'Platform team: topics and ACLs' });
  return access;
}
