"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineStagingAccess = defineStagingAccess;
const strimzi_access_1 = require("../../lib/targets/strimzi/strimzi-access");
const shop_access_1 = require("./shop-access");
/**
 * Staging access on Strimzi: the same model as production with SCRAM for every principal,
 * as KafkaUsers and KafkaTopics of the Strimzi cluster `clusterName`, and client properties in
 * `dist/staging/clients/`.
 */
function defineStagingAccess(scope, environment, clusterName) {
    return new strimzi_access_1.StrimziAccess(scope, 'Access', { model: (0, shop_access_1.declareShopAccess)(environment, { iamApplications: false }), clusterName });
}
