"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.declareShopAccess = declareShopAccess;
const client_authentication_1 = require("../../lib/model/client-authentication");
const acl_1 = require("../../lib/model/access/acl");
const access_model_1 = require("../../lib/model/access/access-model");
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
function declareShopAccess(environment, options) {
    const app = () => (options.iamApplications ? client_authentication_1.ClientAuthentication.iam() : client_authentication_1.ClientAuthentication.scramSha512());
    const access = new access_model_1.AccessModel({
        environment,
        defaultReplicationFactor: options.replication?.replicationFactor,
        defaultMinInsyncReplicas: options.replication?.minInsyncReplicas,
    });
    const orders = access.addTopic('orders', { partitions: 12 });
    const payments = access.addTopic('payments', { partitions: 12 });
    access.addTopic('audit.events', { partitions: 6, retentionHours: 90 * 24 });
    const orderState = access.addTopic('order-state', { partitions: 6, compacted: true });
    const ordersService = access.addPrincipal('orders-service', { authentication: client_authentication_1.ClientAuthentication.scramSha512(), description: 'Checkout: writes orders' });
    orders.grantProduce(ordersService, { transactionalId: 'orders-service-', transactionalIdIsPrefix: true });
    orderState.grantProduce(ordersService);
    const paymentsService = access.addPrincipal('payments-service', { authentication: app(), description: 'Charges orders' });
    orders.grantConsume(paymentsService, { group: 'payments' });
    payments.grantProduce(paymentsService);
    const billing = access.addPrincipal('billing', { authentication: app(), description: 'Invoices payments' });
    payments.grantConsume(billing, { group: 'billing' });
    const auditSink = access.addPrincipal('audit-sink', { authentication: app(), description: 'Ships audit topics to the archive' });
    access.topicsWithPrefix('audit.').grantConsume(auditSink, { group: 'audit-sink' });
    auditSink.addDeny(acl_1.AclResource.topic('audit.pii'), [acl_1.AclOperation.READ]);
    access.addAdmin('kafka-admin', { authentication: client_authentication_1.ClientAuthentication.scramSha512(), description: 'Platform team: topics and ACLs' });
    return access;
}
