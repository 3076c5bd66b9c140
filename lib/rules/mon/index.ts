// One file per rule, named by ID; this file only re-exports them.
export * from './mon-001-broker-down';
export * from './mon-002-consumer-lag-warning';
export * from './mon-003-consumer-lag-critical';
export * from './mon-004-disk-usage-warning';
export * from './mon-005-disk-usage-critical';
export * from './mon-006-under-replicated-partitions';
export * from './mon-007-network-throughput';
export * from './mon-008-request-latency';
export * from './mon-009-offline-partitions-controller';
export * from './mon-010-mirrormaker2-replication-lag';
export * from './mon-011-certificate-expiry';
export * from './mon-012-under-min-isr';
