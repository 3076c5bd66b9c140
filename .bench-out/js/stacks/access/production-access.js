"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineProductionAccess = defineProductionAccess;
const msk_access_1 = require("../../lib/targets/msk/msk-access");
const shop_access_1 = require("./shop-access");
/**
 * Production access on MSK: IAM policies for the applications (attached to their task roles),
 * SCRAM users for orders-service and the admin, the SCRAM ACLs and topics as
 * `dist/production/kafka-admin/`, and client properties in `dist/production/clients/`.
 */
function defineProductionAccess(scope, environment, cluster, scramUsers = []) {
    return new msk_access_1.MskAccess(scope, 'Access', {
        model: (0, shop_access_1.declareShopAccess)(environment, { iamApplications: true }),
        cluster,
        scramUsers,
        roleNames: { 'payments-service': 'payments-service-task', 'billing': 'billing-task' },
    });
}
