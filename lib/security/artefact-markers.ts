/**
 * The labels, tags and kinds that mark the access artefacts in synthesized output, so that
 * rules (SEC-005, HA-004) find them without importing any construct. Plain strings only.
 */

/** Label naming the Strimzi cluster a KafkaUser or KafkaTopic belongs to. */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
/** Label with a principal's kind (`admin`, `application`, `mirror-maker-2`) on a KafkaUser; read by SEC-005. */
export const PRINCIPAL_KIND_LABEL = 'kafka-iac.dev/principal-kind';
/** Label on a ConfigMap of published client properties: the principal's name; read by HA-004. */
export const CLIENT_PROPERTIES_LABEL = 'kafka-iac.dev/client-properties';
/** Label on published client properties: `true` when the principal produces; read by HA-004. */
export const CLIENT_PRODUCER_LABEL = 'kafka-iac.dev/producer';
/** The data key of the client properties in their ConfigMap. */
export const CLIENT_PROPERTIES_KEY = 'client.properties';
/** Label on the ConfigMap that holds `acls.txt` and `topics.txt` for the StatefulSet admin Job; read by SEC-005. */
export const ACL_ARTEFACT_LABEL = 'kafka-iac.dev/acl-artefact';
/** The `input.kind` of the MSK terraform_data that holds the ACL and topic lines; read by SEC-005. */
export const KAFKA_ADMIN_ARTEFACT_KIND = 'kafka-iac/kafka-admin';
/** The `input.kind` of the MSK terraform_data that holds published client properties; read by HA-004. */
export const CLIENT_PROPERTIES_ARTEFACT_KIND = 'kafka-iac/client-properties';
/** IAM policy tag naming the principal. */
export const PRINCIPAL_TAG = 'kafka-iac:principal';
/** IAM policy tag with the principal's kind; read by SEC-005. */
export const PRINCIPAL_KIND_TAG = 'kafka-iac:principal-kind';
/**
 * The tag on an `aws_msk_cluster` that lists the admins its access model declares (names
 * separated by spaces; AWS tag values allow no commas). SEC-005 trusts a policy or ACL line
 * marked admin only for a principal listed here, as Strimzi's super users and the StatefulSet's
 * declared-admins annotation do on Kubernetes.
 */
export const DECLARED_ADMINS_TAG = 'kafka-iac:declared-admins';
