// The `kafka-iac/kubernetes` entry point: the Strimzi and StatefulSet targets (cdk8s) and
// everything the targets share. An app that imports only from here never loads cdktf or the AWS
// provider; `KafkaApp.chart()` works, `KafkaApp.stack()` asks for `kafka-iac/msk`.
export * from './core';
export * from './app/kafka-chart';
export * from './app/kubernetes-documents';
export * from './targets/strimzi/strimzi-access';
export * from './targets/statefulset/statefulset-access-job';
export * from './targets/kubernetes/encrypted-storage-class';
export * from './targets/kubernetes/kubernetes-kafka-cluster-props';
export * from './targets/kubernetes/jmx-exporter-rules';
export * from './targets/strimzi/strimzi-listener';
export * from './targets/kubernetes/strimzi-support-network-policies';
export * from './targets/strimzi/strimzi-kafka-cluster';
export * from './targets/kubernetes/kafka-prometheus-monitoring';
export * from './targets/kubernetes/kafka-alert-routing';
export * from './targets/statefulset/statefulset-listener';
export * from './targets/statefulset/kafka-node-properties';
export * from './targets/statefulset/jmx-exporter-agent';
export * from './targets/statefulset/cert-manager-certificate';
export * from './targets/statefulset/kafka-exporter';
export * from './targets/statefulset/kafka-statefulset-cluster';
export * from './targets/statefulset/kafka-network-policies';
export * from './targets/strimzi/mirror-maker-2-cluster';
export * from './targets/strimzi/mirror-maker-2-metrics';
export * from './targets/strimzi/strimzi-mirror-maker-2';
export * from './targets/kubernetes/consumer-autoscaling';
export * from './targets/strimzi/strimzi-cruise-control';
export * from './targets/kubernetes/kafka-grafana-dashboards';
// The number-or-string values of Kubernetes fields (a JSON patch of `maxUnavailable`, a quantity), so that
// an app needs no cdk8s-plus-27 of its own for them.
export { IntOrString, Quantity } from './imports/k8s';
