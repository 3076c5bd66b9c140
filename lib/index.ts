// The public API of kafka-iac: every target. Only re-exports; anything not exported here is
// internal. An app that uses one target can import `kafka-iac/msk` or `kafka-iac/kubernetes`
// instead, and loads only that target (docs/performance.md).
export * from './core';
export * from './msk';
export * from './kubernetes';
