// One file per rule, named by ID; this file only re-exports them.
export * from './dr-001-dr-peer-in-another-region';
export * from './dr-002-topics-and-offsets-replicate';
export * from './dr-003-rto-rpo-declared';
export * from './dr-004-dr-cluster-follows-ha-and-sec';
export * from './dr-005-mirror-maker-2-least-privilege';
