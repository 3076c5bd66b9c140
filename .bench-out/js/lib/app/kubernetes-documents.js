"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kubernetesDocuments = kubernetesDocuments;
const cdk8s_1 = require("cdk8s");
/** Every API object under `scope`, as it will be written (after JSON patches). */
function kubernetesDocuments(scope) {
    return scope.node.findAll().filter(cdk8s_1.ApiObject.isApiObject).map((o) => {
        const body = o.toJson();
        return {
            source: 'kubernetes', apiVersion: body.apiVersion, kind: body.kind,
            name: body.metadata?.name, namespace: body.metadata?.namespace, path: o.node.path, body,
        };
    });
}
