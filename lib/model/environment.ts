import { oncePer } from './once-per';
import { KafkaIacError } from './errors';
import { attachedEnvironment } from './environment-attachment';
import { checkNamespace } from './grammar/names';

/**
 * How strict the rules are for an environment.
 *
 * `staging` is production-like by design: every rule applies to it.
 */
export enum EnvironmentProfile {
  /** Relaxes the HA rules (a single broker is fine); every other rule, and SEC-009, still holds. */
  DEVELOPMENT = 'development',
  /** Production-like: every rule is in force. */
  STAGING = 'staging',
  /** Every rule is in force; destructive changes to storage and keys are prevented. */
  PRODUCTION = 'production',
}

/** Props of an `Environment`: its name, rule profile and region. */
export interface EnvironmentProps {
  /** The environment's name; also the name of its stack and of its `dist/<name>/` folder. */
  readonly name: string;
  /** The rule profile. */
  readonly profile: EnvironmentProfile;
  /** The AWS region, or for Kubernetes the region the cluster runs in (used in labels and the DR pairing). */
  readonly region: string;
  /**
   * The Kubernetes namespace for the Kubernetes targets.
   * @default 'kafka'
   */
  readonly namespace?: string;
}

const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,30}$/;

/**
 * The part of a construct that `Environment.of` reads: its path and its scopes. Structural, so
 * the model imports no construct library; every `constructs` 10 construct satisfies it.
 */
export interface EnvironmentScope {
  readonly node: { readonly path: string; readonly scopes: readonly object[] };
}

/** A stack that can render its Terraform JSON (structural, so the core stays free of cdktf types). */
export interface TerraformJsonSource {
  /** The stack's Terraform JSON. */
  toTerraform(): unknown;
}

/** An object that renders its manifest (structural, so the core stays free of cdk8s types). */
export interface ManifestSource {
  /** The object's manifest. */
  toJson(): unknown;
}

/** What an output file's render function may read. One context serves every file of one synthesis. */
export interface OutputRenderContext {
  /** `stack.toTerraform()`, computed once per stack for the whole synthesis (after every escape hatch). */
  terraformJson(stack: TerraformJsonSource): Record<string, any>;
  /**
   * `object.toJson()` of a Kubernetes API object, computed once per object for the whole
   * synthesis: KafkaApp's chart synthesis checks and writes the same manifest.
   */
  manifest(object: ManifestSource): Record<string, any>;
}

/**
 * An API object's manifest as synthesized (after any JSON patch): in a synthesis, the one its
 * context renders once for the output files, the rules and the written file; without a context
 * (a direct call), rendered afresh.
 */
export function manifestOf(object: ManifestSource, context?: OutputRenderContext): Record<string, any> {
  return context ? context.manifest(object) : (object.toJson() as Record<string, any>);
}

/** Renders one output file; `context` is absent when the function is called directly. */
export type OutputFileRenderer = (context?: OutputRenderContext) => string;

/**
 * A context for one synthesis: each stack's Terraform JSON and each API object's manifest is rendered at most once.
 * @param synthesized stacks' JSON already rendered by this synthesis (as written to cdk.tf.json)
 */
export function outputRenderContext(synthesized: ReadonlyMap<TerraformJsonSource, Record<string, any>> = new Map()): OutputRenderContext {
  const rendered = new Map<TerraformJsonSource, Record<string, any>>(synthesized);
  const manifests = new Map<ManifestSource, Record<string, any>>();
  return {
    terraformJson: (stack) => renderedOnce(rendered, stack, () => stack.toTerraform()),
    manifest: (object) => renderedOnce(manifests, object, () => object.toJson()),
  };
}

/**
 * `read` done once per synthesis: the first call with a render context reads, later calls with the
 * same context get that result; a call without a context (a direct render) reads afresh. For
 * output files that read the same synthesized value (every principal's properties file, every
 * rule file of a cluster).
 */
export function oncePerSynthesis<T>(read: (context?: OutputRenderContext) => T): (context?: OutputRenderContext) => T {
  const once = oncePer((context: OutputRenderContext) => read(context));
  return (context) => (context ? once(context) : read());
}

/** `render()` the first time `key` is asked for, the same object each time after. */
function renderedOnce<K>(rendered: Map<K, Record<string, any>>, key: K, render: () => unknown): Record<string, any> {
  let json = rendered.get(key);
  if (!json) {
    json = render() as Record<string, any>;
    rendered.set(key, json);
  }
  return json;
}

/** A deployment environment: its name, its rule profile and its region. */
export class Environment {
  /** A `development` environment: HA rules are relaxed. */
  public static development(props: Omit<EnvironmentProps, 'profile'>): Environment {
    return new Environment({ ...props, profile: EnvironmentProfile.DEVELOPMENT });
  }

  /** A production-like `staging` environment. */
  public static staging(props: Omit<EnvironmentProps, 'profile'>): Environment {
    return new Environment({ ...props, profile: EnvironmentProfile.STAGING });
  }

  /** A `production` environment. */
  public static production(props: Omit<EnvironmentProps, 'profile'>): Environment {
    return new Environment({ ...props, profile: EnvironmentProfile.PRODUCTION });
  }

  /** The environment attached to the nearest enclosing stack or chart, or throws. */
  public static of(scope: EnvironmentScope): Environment {
    const found = Environment.tryOf(scope);
    if (!found) {
      throw KafkaIacError.missingEnvironment(scope.node.path);
    }
    return found;
  }

  /** The environment attached to the nearest enclosing stack or chart, if any. */
  public static tryOf(scope: EnvironmentScope): Environment | undefined {
    for (const s of scope.node.scopes.slice().reverse()) {
      const env = attachedEnvironment(s);
      if (env) return env;
    }
    return undefined;
  }

  public readonly name: string;
  public readonly profile: EnvironmentProfile;
  public readonly region: string;
  public readonly namespace: string;
  private readonly files = new Map<string, () => string>();
  private readonly sections = new Map<string, { readonly title: string; readonly data: unknown; readonly markdown: string }>();

  public constructor(props: EnvironmentProps) {
    if (!ENVIRONMENT_NAME.test(props.name)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-ENV', path: 'Environment', prop: 'name', found: props.name,
        grammar: 'lower-case letters, digits and dashes, starting with a letter, at most 31 characters',
        fix: "Use a name such as 'production' or 'dr-us-west-2'.",
      });
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.region)) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-ENV', path: `Environment ${props.name}`, prop: 'region', found: props.region,
        expected: 'a region name such as us-east-1', fix: 'Set region to the AWS region name.',
      });
    }
    this.name = props.name;
    this.profile = props.profile;
    this.region = props.region;
    this.namespace = checkNamespace(props.namespace ?? 'kafka', { code: 'KIAC-ENV', path: `Environment ${props.name}`, prop: 'namespace' });
  }

  /** True for `staging` and `production`: every rule is in force. */
  public get isProductionLike(): boolean {
    return this.profile !== EnvironmentProfile.DEVELOPMENT;
  }

  /** True for `production` only: destructive changes are prevented (`prevent_destroy`). */
  public get isProduction(): boolean {
    return this.profile === EnvironmentProfile.PRODUCTION;
  }

  /**
   * A DR peer of this environment: a production-profile environment in another region.
   * @see DR-001
   */
  public drPeer(props: { readonly name: string; readonly region: string; readonly namespace?: string }): Environment {
    if (props.region === this.region) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path: `Environment ${props.name}`, prop: 'region', found: props.region,
        expected: `a region other than ${this.region}, the region of ${this.name}`,
        fix: 'Put the DR peer in another region, for example us-west-2.',
      });
    }
    return new Environment({ ...props, profile: EnvironmentProfile.PRODUCTION });
  }

  /**
   * Adds a file that is written to `dist/<env>/<relativePath>` after synthesis (promtool
   * tests, runbooks, client properties). `render` is called once, when the file is written,
   * with a context whose reads are shared by every file of that synthesis (called directly,
   * it gets none). A second file at the same path is an error.
   */
  public addOutputFile(relativePath: string, render: OutputFileRenderer): void {
    if (relativePath.startsWith('/') || relativePath.split('/').includes('..')) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-OUTPUT', path: `Environment ${this.name}`, prop: 'relativePath', found: relativePath,
        expected: 'a path inside dist/<env>/', fix: "Use a relative path such as 'runbooks/broker-down.md'.",
      });
    }
    if (this.files.has(relativePath)) throw KafkaIacError.duplicate('KIAC-OUTPUT', `Environment ${this.name}`, 'output file', relativePath);
    this.files.set(relativePath, render);
  }

  /** The files added with `addOutputFile`, by relative path. */
  public get outputFiles(): ReadonlyMap<string, OutputFileRenderer> {
    return this.files;
  }

  /**
   * Adds a section to the environment's rules report (a capacity plan, a cost estimate).
   * A later section with the same title replaces the earlier one.
   */
  public addReportSection(section: { readonly title: string; readonly data: unknown; readonly markdown: string }): void {
    this.sections.set(section.title, section);
  }

  /** The sections added with `addReportSection`. */
  public get reportSections(): readonly { readonly title: string; readonly data: unknown; readonly markdown: string }[] {
    return [...this.sections.values()];
  }

}
