"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuleRegistry = void 0;
const ha001 = __importStar(require("./ha-001-broker-count"));
const ha002 = __importStar(require("./ha-002-replication-factor"));
const ha003 = __importStar(require("./ha-003-min-insync-replicas"));
const ha004 = __importStar(require("./ha-004-producer-acks"));
const ha005 = __importStar(require("./ha-005-kraft-quorum"));
const ha006 = __importStar(require("./ha-006-zone-spread"));
const ha007 = __importStar(require("./ha-007-rack-awareness"));
const ha008 = __importStar(require("./ha-008-unclean-leader-election"));
const ha009 = __importStar(require("./ha-009-disruption-and-spread"));
const ha010 = __importStar(require("./ha-010-auto-create-topics"));
const ha011 = __importStar(require("./ha-011-persistent-storage"));
const sec001 = __importStar(require("./sec-001-encryption-in-transit"));
const sec002 = __importStar(require("./sec-002-tls-version"));
const sec003 = __importStar(require("./sec-003-authentication"));
const sec004 = __importStar(require("./sec-004-authorization"));
const sec005 = __importStar(require("./sec-005-least-privilege"));
const sec006 = __importStar(require("./sec-006-encryption-at-rest"));
const sec007 = __importStar(require("./sec-007-network-segmentation"));
const sec008 = __importStar(require("./sec-008-audit-logs"));
const sec009 = __importStar(require("./sec-009-no-secret-values"));
const sec010 = __importStar(require("./sec-010-managed-certificates"));
const mon001 = __importStar(require("./mon-001-broker-down"));
const mon002 = __importStar(require("./mon-002-consumer-lag-warning"));
const mon003 = __importStar(require("./mon-003-consumer-lag-critical"));
const mon004 = __importStar(require("./mon-004-disk-usage-warning"));
const mon005 = __importStar(require("./mon-005-disk-usage-critical"));
const mon006 = __importStar(require("./mon-006-under-replicated-partitions"));
const mon007 = __importStar(require("./mon-007-network-throughput"));
const mon008 = __importStar(require("./mon-008-request-latency"));
const mon009 = __importStar(require("./mon-009-offline-partitions-controller"));
const mon010 = __importStar(require("./mon-010-mirrormaker2-replication-lag"));
const mon011 = __importStar(require("./mon-011-certificate-expiry"));
const mon012 = __importStar(require("./mon-012-under-min-isr"));
const slo001 = __importStar(require("./slo-001-message-delivery"));
const slo002 = __importStar(require("./slo-002-consumer-lag"));
const slo003 = __importStar(require("./slo-003-broker-availability"));
const slo004 = __importStar(require("./slo-004-burn-rate-can-fire"));
const perf001 = __importStar(require("./perf-001-broker-defaults"));
const perf002 = __importStar(require("./perf-002-producer-defaults"));
const perf003 = __importStar(require("./perf-003-consumer-defaults"));
const cap001 = __importStar(require("./cap-001-storage"));
const cap002 = __importStar(require("./cap-002-broker-count"));
const cap003 = __importStar(require("./cap-003-partitions"));
const cap004 = __importStar(require("./cap-004-storage-autoscaling"));
const dr001 = __importStar(require("./dr-001-dr-peer-in-another-region"));
const dr002 = __importStar(require("./dr-002-topics-and-offsets-replicate"));
const dr003 = __importStar(require("./dr-003-rto-rpo-declared"));
const dr004 = __importStar(require("./dr-004-dr-cluster-follows-ha-and-sec"));
const dr005 = __importStar(require("./dr-005-mirror-maker-2-least-privilege"));
/** The rule modules: one file per rule ID. Adding a rule is adding its module here. */
const RULE_MODULES = [
    ha001, ha002, ha003, ha004, ha005, ha006, ha007, ha008, ha009, ha010, ha011, sec001, sec002,
    sec003, sec004, sec005, sec006, sec007, sec008, sec009, sec010, mon001, mon002, mon003, mon004,
    mon005, mon006, mon007, mon008, mon009, mon010, mon011, mon012, slo001, slo002, slo003, slo004,
    perf001, perf002, perf003, cap001, cap002, cap003, cap004, dr001, dr002, dr003, dr004, dr005,
];
function isRule(x) {
    return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.check === 'function';
}
let cached;
/** The registry of document rules, in ID order. */
class RuleRegistry {
    /** Every document rule, sorted by ID. */
    static all() {
        cached ??= RULE_MODULES
            .flatMap((m) => Object.values(m).filter(isRule))
            .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
        return cached;
    }
    /** The document rule with this ID, if it is one. */
    static get(id) {
        return RuleRegistry.all().find((r) => r.id === id);
    }
    /** Whether `id` is a rule ID of the specification. */
    static has(id) {
        return RuleRegistry.get(id) !== undefined;
    }
    /** Every rule ID of the specification. */
    static ids() {
        return RuleRegistry.all().map((r) => r.id);
    }
}
exports.RuleRegistry = RuleRegistry;
