// `kafka-iac/testing`: helpers for snapshot tests of a consumer's environments. Only re-exports.
// Loaded first: checks the peer packages before anything uses them (as lib/index.ts does).
import '../app/peer-dependencies';
export * from './kafka-testing';
export * from './environment-documents';
export * from './object-like';
