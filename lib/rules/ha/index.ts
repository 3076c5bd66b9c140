// One file per rule, named by ID; this file only re-exports them.
export * from './ha-001-broker-count';
export * from './ha-002-replication-factor';
export * from './ha-003-min-insync-replicas';
export * from './ha-004-producer-acks';
export * from './ha-005-kraft-quorum';
export * from './ha-006-zone-spread';
export * from './ha-007-rack-awareness';
export * from './ha-008-unclean-leader-election';
export * from './ha-009-disruption-and-spread';
export * from './ha-010-auto-create-topics';
export * from './ha-011-persistent-storage';
