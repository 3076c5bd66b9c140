// One file per rule, named by ID; this file only re-exports them.
export * from './perf-001-broker-defaults';
export * from './perf-002-producer-defaults';
export * from './perf-003-consumer-defaults';
