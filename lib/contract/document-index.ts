import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from './document';

// `${<type>.<name>.<attribute>}`; a data source's type keeps its `data.` prefix (`${data.aws_iam_policy_document.p.json}`).
const REFERENCE = /^\$\{((?:data\.)?[a-z0-9_]+)\.([a-z0-9_-]+)\.[a-z0-9_[\].]+\}$/i;

/**
 * Every synthesized document of one synthesis, indexed once so that a rule can look up a
 * related document by reference in O(1) instead of rescanning the output.
 */
export class DocumentIndex {
  private readonly byType = new Map<string, TerraformDocument[]>();
  private readonly byAddress = new Map<string, TerraformDocument>();
  private readonly byKind = new Map<string, KubernetesDocument[]>();
  private readonly byKindName = new Map<string, KubernetesDocument>();

  public constructor(public readonly documents: readonly SynthesizedDocument[]) {
    for (const doc of documents) {
      if (doc.source === 'terraform') {
        push(this.byType, doc.type, doc);
        this.byAddress.set(doc.address, doc);
      } else {
        push(this.byKind, doc.kind, doc);
        this.byKindName.set(kindKey(doc.kind, doc.name, doc.namespace), doc);
      }
    }
  }

  /** Terraform resources of one type. */
  public terraform(type: string): readonly TerraformDocument[] {
    return this.byType.get(type) ?? [];
  }

  /** Kubernetes objects of one kind. */
  public kubernetes(kind: string): readonly KubernetesDocument[] {
    return this.byKind.get(kind) ?? [];
  }

  /** A Kubernetes object by kind, name and namespace. */
  public kubernetesByName(kind: string, name: string, namespace?: string): KubernetesDocument | undefined {
    return this.byKindName.get(kindKey(kind, name, namespace));
  }

  /** A Terraform resource by address (`aws_kms_key.key`). */
  public terraformByAddress(address: string): TerraformDocument | undefined {
    return this.byAddress.get(address);
  }

  /**
   * The resource a reference expression such as `${aws_kms_key.key.arn}` points at, or
   * undefined for a literal or an expression that is not a plain reference.
   */
  public resolve(expression: unknown): TerraformDocument | undefined {
    if (typeof expression !== 'string') return undefined;
    const m = REFERENCE.exec(expression);
    if (!m) return undefined;
    return this.byAddress.get(`${m[1]}.${m[2]}`);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function kindKey(kind: string, name: string, namespace?: string): string {
  return `${kind}|${namespace ?? ''}|${name}`;
}
