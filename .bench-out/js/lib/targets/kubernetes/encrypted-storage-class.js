"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EncryptedStorageClass = exports.EBS_CSI_PROVISIONER = void 0;
const cdk8s_1 = require("cdk8s");
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const errors_1 = require("../../model/errors");
/** The AWS EBS CSI driver, the provisioner of an `EncryptedStorageClass`. */
exports.EBS_CSI_PROVISIONER = 'ebs.csi.aws.com';
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
class EncryptedStorageClass extends constructs_1.Construct {
    /**
     * A StorageClass made elsewhere (by a platform team) that encrypts with `kmsKeyId`. It is
     * not synthesized here, so SEC-006 cannot read it and reports the declared key as a note.
     */
    static fromStorageClassAttributes(attrs) {
        validateName('EncryptedStorageClass.fromStorageClassAttributes', attrs.storageClassName);
        validateKmsKey('EncryptedStorageClass.fromStorageClassAttributes', attrs.kmsKeyId);
        return { storageClassName: attrs.storageClassName, kmsKeyId: attrs.kmsKeyId, synthesized: false };
    }
    /** The `StorageClass` API object. */
    resource;
    storageClassName;
    kmsKeyId;
    synthesized = true;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        this.storageClassName = props.storageClassName ?? 'kafka-encrypted-gp3';
        validateName(path, this.storageClassName);
        validateKmsKey(path, props.kmsKeyId);
        this.kmsKeyId = props.kmsKeyId;
        this.resource = new k8s_1.KubeStorageClass(this, 'Resource', {
            metadata: { name: this.storageClassName, labels: { ...(props.labels ?? {}) } },
            provisioner: exports.EBS_CSI_PROVISIONER,
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
            this.resource.addJsonPatch(cdk8s_1.JsonPatch.remove('/metadata/namespace'));
        }
    }
}
exports.EncryptedStorageClass = EncryptedStorageClass;
function validateName(path, name) {
    if (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'KIAC-PROP', path, prop: 'storageClassName', found: name,
            expected: 'a DNS subdomain name (lower-case letters, digits, dashes and dots)',
            fix: "Use a name such as 'kafka-encrypted-gp3'.",
        });
    }
}
function validateKmsKey(path, kmsKeyId) {
    if (typeof kmsKeyId !== 'string' || kmsKeyId.trim() === '') {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-006', path, prop: 'kmsKeyId', found: kmsKeyId,
            expected: 'a customer-managed KMS key ARN, key ID or alias ARN',
            fix: "Set kmsKeyId to the key's ARN, for example the output of the KMS key in your AWS stack.",
        });
    }
    if (/^alias\/aws\//.test(kmsKeyId) || /:alias\/aws\//.test(kmsKeyId)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-006', path, prop: 'kmsKeyId', found: kmsKeyId,
            expected: 'a customer-managed key (an AWS-managed alias such as alias/aws/ebs has no rotation you control)',
            fix: 'Create a customer-managed KMS key with rotation on and pass its ARN.',
        });
    }
}
