// One file per rule, named by ID; this file only re-exports them.
export * from './cap-001-storage';
export * from './cap-002-broker-count';
export * from './cap-003-partitions';
export * from './cap-004-storage-autoscaling';
