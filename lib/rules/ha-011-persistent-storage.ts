import type { SynthesizedDocument, TerraformDocument } from '../contract/document';
import { shown, Findings, compliantWithNotes, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, mskClusterCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { atRestKeyArnOf, block, literalBoolean } from './readers/msk-cluster-document';
import { asStrimziKafka, asStrimziNodePool, storageVolumesOf, forbiddenConfigFindings } from './readers/strimzi-documents';
import { podSpecOf, kafkaContainerOf, volumeOfPath } from './readers/statefulset-documents';

/** HA-011: Storage is persistent and is not deleted with the cluster (Strimzi `deleteClaim: false`; StatefulSet PVC retention `Retain`; MSK cluster and its KMS key protected from destroy in production). */
export const HA_011_PERSISTENT_STORAGE: Rule = defineRule({
  id: 'HA-011',
  title: 'Storage is persistent and is not deleted with the cluster (Strimzi `deleteClaim: false`; StatefulSet PVC retention `Retain`; MSK cluster and its KMS key protected from destroy in production).',
  explanation: 'Kafka\'s data is its log on disk. Storage that is deleted with the cluster, a pod or a stack turns a mistaken delete or a bad refactor into data loss, and deleting the KMS key of an MSK cluster makes its volumes unreadable.',
  remediation: 'MSK: in production, set lifecycle prevent_destroy on the aws_msk_cluster and its aws_kms_key (MskCluster does). Strimzi: persistent-claim storage with deleteClaim: false. StatefulSet: persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled: Retain.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: checkStrimzi, statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * MSK: in production, `lifecycle.prevent_destroy` on the `aws_msk_cluster` and on the
 * `aws_kms_key` that encrypts it (when the key is in this stack). EBS storage itself is
 * persistent.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  if (!ctx.environment.isProduction) return compliantWithNotes(['prevent_destroy is required in production only.']);
  const f = new Findings();
  const notes: string[] = [];
  f.expect(literalBoolean(block(cluster.body.lifecycle).prevent_destroy) === true, {
    found: `lifecycle.prevent_destroy of ${cluster.address} is ${JSON.stringify(block(cluster.body.lifecycle).prevent_destroy ?? 'not set')}`,
    expected: 'true in production',
    fix: 'Create the cluster with MskCluster in a production environment, or set lifecycle { prevent_destroy = true }.',
  });
  const keyArn = atRestKeyArnOf(cluster);
  const key = ctx.index.resolve(keyArn);
  if (key?.type === 'aws_kms_key') {
    f.expect(literalBoolean(block(key.body.lifecycle).prevent_destroy) === true, {
      found: `lifecycle.prevent_destroy of the cluster key ${key.address} (${key.path}) is ${JSON.stringify(block(key.body.lifecycle).prevent_destroy ?? 'not set')}`,
      expected: 'true in production: deleting the key makes the volumes unreadable',
      fix: 'Set lifecycle { prevent_destroy = true } on the key (KafkaEncryptionKey does in production).',
    });
  } else {
    // An override to null leaves the key unset, as Terraform reads it.
    notes.push(`The encryption key ${String(keyArn ?? '(none)')} is not managed in this stack; protect it where it is.`);
  }
  return f.outcome(notes);
}

/**
 * Strimzi: every node pool volume is a `persistent-claim` with `deleteClaim` false (absent =
 * false). `log.dir` keys that Strimzi drops are refused on the Kafka.
 */
function checkStrimzi(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const kafka = asStrimziKafka(doc);
  if (kafka) {
    const f = new Findings();
    forbiddenConfigFindings(kafka, 'HA-011', f);
    return f.outcome();
  }
  const pool = asStrimziNodePool(doc);
  if (!pool) return NOT_APPLICABLE;
  const volumes = storageVolumesOf(pool);
  const f = new Findings();
  f.expect(volumes.length > 0, {
    found: 'spec.storage has no volumes',
    expected: 'persistent-claim volumes',
    fix: "Declare spec.storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '100Gi', deleteClaim: false }] }.",
  });
  for (const { volume, where } of volumes) {
    f.expect(volume.type === 'persistent-claim', {
      found: `${where}.type is '${volume.type}'`,
      expected: "'persistent-claim' (ephemeral storage loses the data when a pod restarts)",
      fix: `Set ${where}.type: 'persistent-claim'.`,
    });
    f.expect(volume.deleteClaim !== true, {
      found: `${where}.deleteClaim is true`,
      expected: 'false: the volumes outlive the cluster',
      fix: `Set ${where}.deleteClaim: false (StrimziKafkaCluster deleteClaim: false).`,
    });
  }
  return f.outcome();
}

/**
 * StatefulSet: the data directory (`log.dirs`) is on a volume claim template, the claims are
 * retained when the StatefulSet is deleted or scaled down (`persistentVolumeClaimRetentionPolicy`;
 * absent means Retain), and a StorageClass in the output keeps its volumes (`reclaimPolicy: Retain`).
 */
function checkStatefulSet({ sts, node }: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const policy = sts.body.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  for (const when of ['whenDeleted', 'whenScaled']) {
    f.expect(policy[when] === undefined || policy[when] === 'Retain', {
      found: `spec.persistentVolumeClaimRetentionPolicy.${when} is ${shown(policy[when])}`,
      expected: "'Retain': the volumes outlive the StatefulSet",
      fix: `Set spec.persistentVolumeClaimRetentionPolicy.${when}: 'Retain'.`,
    });
  }
  const templates: any[] = sts.body.spec?.volumeClaimTemplates ?? [];
  const templateNames = templates.map((t) => t?.metadata?.name);
  const pod = podSpecOf(sts);
  const container = kafkaContainerOf(pod);
  for (const dir of (node.properties['log.dirs'] ?? node.properties['log.dir'] ?? '/tmp/kafka-logs').split(',').map((d) => d.trim())) {
    const source = volumeOfPath(pod, container, dir);
    const claim = source !== undefined && source.volume === undefined && templateNames.includes(source.name);
    f.expect(claim, {
      found: source === undefined
        ? `log.dirs ${dir} is on the container's own filesystem`
        : `log.dirs ${dir} is on volume ${shown(source.name)}, ${source.volume ? `a pod volume (${Object.keys(source.volume).filter((k) => k !== 'name').join(', ')})` : 'not a volume claim template'}`,
      expected: 'a persistent volume from spec.volumeClaimTemplates',
      fix: "Mount the data directory from a volumeClaimTemplate (KafkaStatefulSetCluster mounts 'data').",
    });
  }
  const notes: string[] = [];
  for (const t of templates) {
    const className = t?.spec?.storageClassName;
    const storageClass = typeof className === 'string' ? ctx.index.kubernetesByName('StorageClass', className) : undefined;
    if (!storageClass) {
      if (typeof className === 'string') notes.push(`StorageClass '${className}' is managed elsewhere; its reclaimPolicy is not in this output.`);
      continue;
    }
    f.expect(storageClass.body.reclaimPolicy === 'Retain', {
      found: `StorageClass '${className}' reclaimPolicy is ${shown(storageClass.body.reclaimPolicy)}`,
      expected: "'Retain': a released volume is kept, not deleted",
      fix: "Set reclaimPolicy: 'Retain' (EncryptedStorageClass does).",
    });
  }
  return f.outcome(notes);
}
