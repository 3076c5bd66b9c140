import { createRequire } from 'node:module';

/** Where `require` resolves the provider from: this file (`import.meta.url`; the CommonJS build replaces it). */
let load: NodeJS.Require | undefined;

/**
 * A class of an AWS provider submodule (`@cdktf/provider-aws/lib/<submodule>`), loaded when a
 * construct first makes one instead of when the library loads. Each submodule is a generated file
 * of 15 to 220 kB that Node reads and compiles when it is required: the constructs an app may not
 * use (the replicator, SCRAM users, dashboards, alarm subscriptions, IAM access policies, transit
 * gateway routes) take their classes from here, so that the README quick start does not load
 * their 16 submodules (about 7 ms of CPU). The class is the provider's own (`instanceof`,
 * `Testing.toHaveResource` and escape hatches see no difference).
 *
 * `pick` names the class in the module (typed by the caller's `import type`):
 * `awsProviderClass('iam-policy', (m: typeof IamPolicyModule) => m.IamPolicy)`.
 */
export function awsProviderClass<M, C>(submodule: string, pick: (module: M) => C): () => C {
  let loaded: C | undefined;
  return () => {
    if (loaded === undefined) {
      load ??= createRequire(import.meta.url);
      loaded = pick(load(`@cdktf/provider-aws/lib/${submodule}`) as M);
    }
    return loaded;
  };
}
