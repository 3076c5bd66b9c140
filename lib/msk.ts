// The `kafka-iac/msk` entry point: the AWS MSK target (cdktf) and everything the targets share.
// An app that imports only from here never loads cdk8s, the Strimzi classes or the Kubernetes
// targets; `KafkaApp.stack()` works, `KafkaApp.chart()` asks for `kafka-iac/kubernetes`.
export * from './core';
export * from './app/kafka-stack';
export * from './app/terraform-documents';
export * from './targets/msk/broker-ingress';
export * from './targets/msk/kafka-network';
export * from './targets/msk/acl-enforcement';
export * from './targets/msk/kafka-encryption-key';
export * from './targets/msk/msk-storage-autoscaling';
export * from './targets/msk/msk-cluster';
export * from './targets/msk/msk-scram-user';
export * from './targets/msk/msk-iam-policy';
export * from './targets/msk/msk-access';
export * from './targets/msk/msk-prometheus-monitoring';
export * from './targets/msk/alert-routing-subscriptions';
export * from './targets/msk/msk-cloudwatch-alarms';
export * from './targets/msk/msk-cluster-reference';
export * from './targets/msk/msk-replicator-policy';
export * from './targets/msk/msk-replication-source';
export * from './targets/msk/msk-replicator';
export * from './targets/msk/msk-replicator-alarms';
export * from './targets/msk/msk-dashboards';
