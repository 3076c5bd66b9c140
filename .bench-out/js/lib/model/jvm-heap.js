"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.brokerHeapMiB = brokerHeapMiB;
exports.jvmHeapOptions = jvmHeapOptions;
exports.parseMemoryQuantity = parseMemoryQuantity;
const errors_1 = require("./errors");
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/**
 * The broker JVM heap per PERF-001: min(6 GiB, half the container memory limit), with
 * -Xms = -Xmx, so at least half the memory is left to the page cache.
 * @returns the heap size in MiB
 * @see PERF-001
 */
function brokerHeapMiB(memoryLimitBytes, path = 'KafkaBroker') {
    if (!Number.isFinite(memoryLimitBytes) || memoryLimitBytes < GiB) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'PERF-001', path, prop: 'memory limit', found: memoryLimitBytes,
            expected: 'at least 1 GiB (a broker needs heap plus page cache)', fix: "Set the broker memory to 8Gi or more in production.",
        });
    }
    return Math.floor(Math.min(6 * GiB, memoryLimitBytes / 2) / MiB);
}
/** The JVM options for a heap: `-Xms` equal to `-Xmx`. */
function jvmHeapOptions(heapMiB) {
    return { xms: `${heapMiB}m`, xmx: `${heapMiB}m` };
}
/** Parses a Kubernetes quantity of memory (`8Gi`, `8192Mi`, `8G`, `1073741824`) into bytes. */
function parseMemoryQuantity(quantity) {
    const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T|k)?$/.exec(String(quantity).trim());
    if (!m)
        return NaN;
    const factor = {
        '': 1, Ki: 1024, Mi: MiB, Gi: GiB, Ti: 1024 * GiB, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12,
    };
    return Number(m[1]) * factor[m[2] ?? ''];
}
