import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for tests; ignored by git. */
export const TEST_OUT = path.join(ROOT, '.test-out');
/** The example environments, synthesized once per run by the global setup. */
export const EXAMPLES_DIR = path.join(TEST_OUT, 'examples');
/** The shared folder next to the project. */
export const SHARED = path.resolve(ROOT, '../shared');
/** The Strimzi 1.2.0 CRDs (read in place, never copied). */
export const STRIMZI_CRDS = path.join(SHARED, 'strimzi');
/** The example environments. */
export const EXAMPLE_ENVIRONMENTS = ['production', 'dr', 'staging', 'staging-dr', 'development'] as const;

/** Where an example environment's Terraform JSON is. */
export function exampleTerraform(env: string): string {
  return path.join(EXAMPLES_DIR, 'cdktf.out', 'stacks', env, 'cdk.tf.json');
}

/** Where an example environment's dist folder is. */
export function exampleDist(env: string): string {
  return path.join(EXAMPLES_DIR, 'dist', env);
}
