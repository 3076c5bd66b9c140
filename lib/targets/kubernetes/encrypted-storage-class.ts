import { checkKmsKeyReference } from '../../model/grammar/arn';
import { JsonPatch } from 'cdk8s';
import { KubeStorageClass } from '../../imports/k8s';
import { Construct } from 'constructs';
import { KafkaIacError } from '../../model/errors';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** The AWS EBS CSI driver, the provisioner of an `EncryptedStorageClass`. */
export const EBS_CSI_PROVISIONER = 'ebs.csi.aws.com';

/** A StorageClass that encrypts Kafka volumes with a customer-managed KMS key (SEC-006). */
export interface IEncryptedStorageClass {
  /** The StorageClass name that PersistentVolumeClaims use. */
  readonly storageClassName: string;
  /** The KMS key (ARN, ID or alias ARN) the volumes are encrypted with. */
  readonly kmsKeyId: string;
  /** True when the StorageClass object is part of this synthesis (so the rules can read it). */
  readonly synthesized: boolean;
}

/** Props of an `EncryptedStorageClass`. */
export interface EncryptedStorageClassProps {
  /**
   * The customer-managed KMS key that encrypts every volume (ARN, key ID or alias ARN). Its
   * rotation is the key owner's job (on AWS: `enable_key_rotation`).
   * @see SEC-006
   * @see https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md
   */
  readonly kmsKeyId: string;
  /**
   * The StorageClass name (cluster-scoped, so unique in the Kubernetes cluster).
   * @default 'kafka-encrypted-gp3'
   */
  readonly storageClassName?: string;
  /**
   * The EBS volume type.
   * @default 'gp3'
   */
  readonly volumeType?: string;
  /**
   * Labels on the StorageClass, added to the chart's labels.
   * @default - the chart's labels only
   */
  readonly labels?: Readonly<Record<string, string>>;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * An AWS EBS CSI StorageClass that encrypts Kafka volumes with a customer-managed KMS key
 * (SEC-006), keeps volumes when their claims are deleted (`reclaimPolicy: Retain`, HA-011),
 * binds a volume only once its pod is scheduled, so the volume lands in the pod's zone
 * (`WaitForFirstConsumer`), and lets volumes grow (`allowVolumeExpansion`).
 *
 * StorageClasses are cluster-scoped: the object is written without a namespace.
 * The `StorageClass` is `.resource` (id `Resource`); use `addJsonPatch` for anything else.
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/
 */
export class EncryptedStorageClass extends KafkaIacConstruct implements IEncryptedStorageClass {
  /**
   * A StorageClass made elsewhere (by a platform team) that encrypts with `kmsKeyId`. It is
   * not synthesized here, so SEC-006 cannot read it and reports the declared key as a note.
   */
  public static fromStorageClassAttributes(attrs: { readonly storageClassName: string; readonly kmsKeyId: string }): IEncryptedStorageClass {
    validateName('EncryptedStorageClass.fromStorageClassAttributes', attrs.storageClassName);
    validateKmsKey('EncryptedStorageClass.fromStorageClassAttributes', attrs.kmsKeyId);
    return { storageClassName: attrs.storageClassName, kmsKeyId: attrs.kmsKeyId, synthesized: false };
  }

  /** The `StorageClass` API object. */
  public readonly resource: KubeStorageClass;
  public readonly storageClassName: string;
  public readonly kmsKeyId: string;
  public readonly synthesized = true;

  public constructor(scope: Construct, id: string, props: EncryptedStorageClassProps) {
    super(scope, id);
    this.storageClassName = props.storageClassName ?? 'kafka-encrypted-gp3';
    validateName(this.path, this.storageClassName);
    validateKmsKey(this.path, props.kmsKeyId);
    this.kmsKeyId = props.kmsKeyId;

    this.resource = new KubeStorageClass(this, 'Resource', {
      metadata: { name: this.storageClassName, labels: { ...(props.labels ?? {}) } },
      provisioner: EBS_CSI_PROVISIONER,
      parameters: {
        'type': props.volumeType ?? 'gp3',
        'csi.storage.k8s.io/fstype': 'ext4',
        'encrypted': 'true',
        'kmsKeyId': props.kmsKeyId,
      },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
    // cdk8s gives every object the chart's namespace; a StorageClass is cluster-scoped.
    if (this.resource.metadata.namespace !== undefined) {
      this.resource.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    }
  }
}

function validateName(path: string, name: string): void {
  if (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name)) {
    throw KafkaIacError.grammar({
      code: 'KIAC-PROP', path, prop: 'storageClassName', found: name,
      grammar: 'a DNS subdomain name (lower-case letters, digits, dashes and dots)',
      fix: "Use a name such as 'kafka-encrypted-gp3'.",
    });
  }
}

function validateKmsKey(path: string, kmsKeyId: string): void {
  if (typeof kmsKeyId !== 'string' || kmsKeyId.trim() === '') {
    throw KafkaIacError.grammar({
      code: 'SEC-006', path, prop: 'kmsKeyId', found: kmsKeyId,
      grammar: 'a customer-managed KMS key ARN, key ID or alias ARN',
      fix: "Set kmsKeyId to the key's ARN, for example the output of the KMS key in your AWS stack.",
    });
  }
  checkKmsKeyReference(kmsKeyId, { code: 'SEC-006', path, prop: 'kmsKeyId' });
  if (/^alias\/aws\//.test(kmsKeyId) || /:alias\/aws\//.test(kmsKeyId)) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-006', path, prop: 'kmsKeyId', found: kmsKeyId,
      expected: 'a customer-managed key (an AWS-managed alias such as alias/aws/ebs has no rotation you control)',
      fix: 'Create a customer-managed KMS key with rotation on and pass its ARN.',
    });
  }
}
