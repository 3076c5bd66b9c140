"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StrimziListenerType = void 0;
/** How a Strimzi listener is exposed. */
var StrimziListenerType;
(function (StrimziListenerType) {
    /** Inside the Kubernetes cluster only, through headless and bootstrap Services (the default). */
    StrimziListenerType["INTERNAL"] = "internal";
    /** Inside the Kubernetes cluster, through one ClusterIP Service per broker. */
    StrimziListenerType["CLUSTER_IP"] = "cluster-ip";
    /** LoadBalancer Services. Reachable from outside the Kubernetes cluster: SEC-007 flags it. */
    StrimziListenerType["LOAD_BALANCER"] = "loadbalancer";
    /** NodePort Services. Reachable on every node: SEC-007 flags it. */
    StrimziListenerType["NODE_PORT"] = "nodeport";
})(StrimziListenerType || (exports.StrimziListenerType = StrimziListenerType = {}));
