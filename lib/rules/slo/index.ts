// One file per rule, named by ID; this file only re-exports them.
export * from './slo-001-message-delivery';
export * from './slo-002-consumer-lag';
export * from './slo-003-broker-availability';
export * from './slo-004-burn-rate-can-fire';
