// One file per rule, named by ID; this file only re-exports them.
export * from './sec-001-encryption-in-transit';
export * from './sec-002-tls-version';
export * from './sec-003-authentication';
export * from './sec-004-authorization';
export * from './sec-005-least-privilege';
export * from './sec-006-encryption-at-rest';
export * from './sec-007-network-segmentation';
export * from './sec-008-audit-logs';
export * from './sec-009-no-secret-values';
export * from './sec-010-managed-certificates';
