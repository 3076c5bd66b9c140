import type { Construct } from 'constructs';
import type { Environment, OutputRenderContext } from '../model/environment';
import type { ComplianceReport } from '../rules/report';

/**
 * The two synthesizers KafkaApp drives, registered by the modules that load them, so that an
 * app loads only the targets it uses: `kafka-stack.ts` registers cdktf (and with it the AWS
 * provider), `kafka-chart.ts` registers cdk8s. `kafka-iac/msk` loads the first,
 * `kafka-iac/kubernetes` the second, and `kafka-iac` (and `lib/app/kafka-app.ts`) both.
 * Structural types only: this module loads neither library.
 */

/** A Terraform stack as KafkaApp sees it. */
export interface TerraformStackLike extends Construct {
  readonly complianceReport: ComplianceReport;
  /** The Terraform JSON written by the last synthesis, once. */
  takeSynthesizedJson(): Record<string, any> | undefined;
}

/** A cdktf app as KafkaApp sees it. */
export interface TerraformAppLike extends Construct {
  readonly outdir: string;
  synth(): void;
}

/** A cdk8s app as KafkaApp sees it. */
export interface KubernetesAppLike extends Construct {
  /** Writes the manifests; with `context`, each object's manifest is the one the context rendered (`context.manifest`). */
  synth(context?: OutputRenderContext): void;
}

/** A chart as KafkaApp sees it. */
export interface KubernetesChartLike extends Construct {
  readonly complianceReport: ComplianceReport;
}

/** What `kafka-stack.ts` registers. */
export interface TerraformTarget {
  createApp(outdir: string): TerraformAppLike;
  createStack(app: TerraformAppLike, environment: Environment, props: object): TerraformStackLike;
}

/** What `kafka-chart.ts` registers. */
export interface KubernetesTarget {
  /** A cdk8s app writing one file per chart into `outdir`. */
  createApp(outdir: string): KubernetesAppLike;
  createChart(app: KubernetesAppLike, id: string, environment: Environment, props: object): KubernetesChartLike;
  /** The `kustomization.yaml` listing the manifest files. */
  renderKustomization(resources: readonly string[]): string;
}

const registered: { terraform?: TerraformTarget; kubernetes?: KubernetesTarget } = {};

/** Called once by `kafka-stack.ts` when it loads. */
export function registerTerraformTarget(target: TerraformTarget): void {
  registered.terraform = target;
}

/** Called once by `kafka-chart.ts` when it loads. */
export function registerKubernetesTarget(target: KubernetesTarget): void {
  registered.kubernetes = target;
}

/** The Terraform target, if its module is loaded. */
export function terraformTarget(): TerraformTarget | undefined {
  return registered.terraform;
}

/** Loads the Kubernetes target's module on first use, when an entry point defers it. */
let kubernetesLoader: (() => void) | undefined;

/**
 * Called by the CommonJS build of the root entry point (`kafka-iac`), which loads the Kubernetes
 * side (cdk8s, the Strimzi classes) on first use instead of with the entry point
 * (scripts/build.ts): `kubernetesTarget()` then loads it, so `KafkaApp.chart()` works before any
 * Kubernetes export was read.
 */
export function deferKubernetesTarget(load: () => void): void {
  kubernetesLoader = load;
}

/** The Kubernetes target, if its module is loaded (or deferred by the entry point: then loaded now). */
export function kubernetesTarget(): KubernetesTarget | undefined {
  if (!registered.kubernetes && kubernetesLoader) {
    const load = kubernetesLoader;
    kubernetesLoader = undefined;
    load();
  }
  return registered.kubernetes;
}
