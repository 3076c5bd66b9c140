"use strict";
/**
 * The one vocabulary that constructs write and rules read: every label, annotation, tag and
 * artefact kind of the synthesized output. Plain strings only; no file defines its own copy.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROFILE_TAG = exports.ENVIRONMENT_TAG = exports.RULE_TAG = exports.CREDENTIALS_SECRET_ANNOTATION = exports.CLUSTER_CA_SECRET_ANNOTATION = exports.ENVIRONMENT_METADATA_LABEL = exports.SUPPRESSIONS_ANNOTATION = exports.STORAGE_KMS_KEY_ANNOTATION = exports.DECLARED_ADMINS_ANNOTATION = exports.KAFKA_NODE_ROLE_LABEL = exports.METRICS_BACKEND_LABEL = exports.MONITORED_CLUSTER_LABEL = exports.TARGET_LABEL = exports.HOSTNAME_TOPOLOGY_KEY = exports.ZONE_TOPOLOGY_KEY = exports.KAFKA_CLUSTER_LABEL = exports.DECLARED_ADMINS_TAG = exports.PRINCIPAL_KIND_TAG = exports.PRINCIPAL_TAG = exports.CLIENT_PROPERTIES_ARTEFACT_KIND = exports.KAFKA_ADMIN_ARTEFACT_KIND = exports.ACL_ARTEFACT_LABEL = exports.CLIENT_PROPERTIES_KEY = exports.CLIENT_PRODUCER_LABEL = exports.CLIENT_PROPERTIES_LABEL = exports.PRINCIPAL_KIND_LABEL = exports.STRIMZI_CLUSTER_LABEL = void 0;
/** Label naming the Strimzi cluster a KafkaUser or KafkaTopic belongs to. */
exports.STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
/** Label with a principal's kind (`admin`, `application`, `mirror-maker-2`) on a KafkaUser; read by SEC-005. */
exports.PRINCIPAL_KIND_LABEL = 'kafka-iac.dev/principal-kind';
/** Label on a ConfigMap of published client properties: the principal's name; read by HA-004. */
exports.CLIENT_PROPERTIES_LABEL = 'kafka-iac.dev/client-properties';
/** Label on published client properties: `true` when the principal produces; read by HA-004. */
exports.CLIENT_PRODUCER_LABEL = 'kafka-iac.dev/producer';
/** The data key of the client properties in their ConfigMap. */
exports.CLIENT_PROPERTIES_KEY = 'client.properties';
/** Label on the ConfigMap that holds `acls.txt` and `topics.txt` for the StatefulSet admin Job; read by SEC-005. */
exports.ACL_ARTEFACT_LABEL = 'kafka-iac.dev/acl-artefact';
/** The `input.kind` of the MSK terraform_data that holds the ACL and topic lines; read by SEC-005. */
exports.KAFKA_ADMIN_ARTEFACT_KIND = 'kafka-iac/kafka-admin';
/** The `input.kind` of the MSK terraform_data that holds published client properties; read by HA-004. */
exports.CLIENT_PROPERTIES_ARTEFACT_KIND = 'kafka-iac/client-properties';
/** IAM policy tag naming the principal. */
exports.PRINCIPAL_TAG = 'kafka-iac:principal';
/** IAM policy tag with the principal's kind; read by SEC-005. */
exports.PRINCIPAL_KIND_TAG = 'kafka-iac:principal-kind';
/**
 * The tag on an `aws_msk_cluster` that lists the admins its access model declares (names
 * separated by spaces; AWS tag values allow no commas). SEC-005 trusts a policy or ACL line
 * marked admin only for a principal listed here, as Strimzi's super users and the StatefulSet's
 * declared-admins annotation do on Kubernetes.
 */
exports.DECLARED_ADMINS_TAG = 'kafka-iac:declared-admins';
/**
 * The label every Kubernetes object of a Kafka cluster carries with the cluster's name, next
 * to `kafka-iac.dev/target` (TARGET_LABEL). Alerts, PodMonitors and PVC selectors use it.
 */
exports.KAFKA_CLUSTER_LABEL = 'kafka-iac.dev/cluster';
/** The zone label of Kubernetes nodes, used for rack awareness and zone spread (HA-006, HA-007). */
exports.ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';
/** The host label of Kubernetes nodes, used for anti-affinity (HA-009). */
exports.HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';
/** Label on every Kubernetes object of a Kafka cluster naming its target (`strimzi`, `statefulset`). */
exports.TARGET_LABEL = 'kafka-iac.dev/target';
/** Label on PrometheusRules and PodMonitors naming the cluster they watch (the cluster label). */
exports.MONITORED_CLUSTER_LABEL = exports.KAFKA_CLUSTER_LABEL;
/** Label on a PrometheusRule naming the metrics backend its expressions read. */
exports.METRICS_BACKEND_LABEL = 'kafka-iac.dev/metrics-backend';
/** Label on a StatefulSet naming the KRaft roles of its nodes (`broker`, `controller`, `combined`). */
exports.KAFKA_NODE_ROLE_LABEL = 'kafka-iac.dev/role';
/** Annotation on a Strimzi `Kafka` or a StatefulSet listing the admins its access model declares. */
exports.DECLARED_ADMINS_ANNOTATION = 'kafka-iac.dev/declared-admins';
/** Annotation on a StorageClass with the KMS key that encrypts its volumes; read by SEC-006. */
exports.STORAGE_KMS_KEY_ANNOTATION = 'kafka-iac.dev/storage-class-kms-key-id';
/** Annotation with the suppressions that cover a Kubernetes object, and their reasons. */
exports.SUPPRESSIONS_ANNOTATION = 'kafka-iac.dev/suppressions';
/** Label on every object of a chart naming its environment. */
exports.ENVIRONMENT_METADATA_LABEL = 'kafka-iac.dev/environment';
/** Annotation on a KafkaUser naming the Secret with the cluster CA certificate. */
exports.CLUSTER_CA_SECRET_ANNOTATION = 'kafka-iac.dev/cluster-ca-secret';
/** Annotation on a KafkaUser naming the Secret with its credentials. */
exports.CREDENTIALS_SECRET_ANNOTATION = 'kafka-iac.dev/credentials-secret';
/** Tag on a CloudWatch alarm naming the rule it implements (MON-001 ...). */
exports.RULE_TAG = 'kafka-iac:rule';
/** Default tags of every AWS resource of a stack: the environment and its profile. */
exports.ENVIRONMENT_TAG = 'kafka-iac:environment';
exports.PROFILE_TAG = 'kafka-iac:profile';
