"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AlertSeverity = void 0;
/** How urgent an alert is; routed by the `severity` label. */
var AlertSeverity;
(function (AlertSeverity) {
    /** Pages the on-call engineer now: data is at risk or clients are failing. */
    AlertSeverity["CRITICAL"] = "critical";
    /** Opens a ticket for working hours: the cluster is degrading or heading for a limit. */
    AlertSeverity["WARNING"] = "warning";
})(AlertSeverity || (exports.AlertSeverity = AlertSeverity = {}));
