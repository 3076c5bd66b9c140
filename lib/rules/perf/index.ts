// One file per rule, named by ID; this file only re-exports them.
export * from './perf-001-broker-defaults';
