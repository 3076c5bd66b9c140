import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parsePropertiesText } from '../../../lib/model/broker-config';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { KafkaVersion } from '../../../lib/model/kafka-version';
import { JMX_EXPORTER_CONFIG_KEY, renderJmxExporterConfig } from '../../../lib/targets/kubernetes/jmx-exporter-rules';
import { JmxExporterAgent } from '../../../lib/targets/statefulset/jmx-exporter-agent';
import { kraftClusterId } from '../../../lib/targets/statefulset/kafka-node-properties';
import { SecretScanner } from '../../../lib/rules/readers/secret-scanner';
import { AuthorizerLogLevel } from '../../../lib/targets/kubernetes/kubernetes-kafka-cluster-props';
import { StatefulSetAuthorizerLogLevel, type KafkaStatefulSetClusterProps } from '../../../lib/targets/statefulset/kafka-statefulset-cluster';
import { find, statefulSetChart, synth } from '../../support/statefulset-fixture';

function props(objects: Record<string, any>[], configMap: string, key: string): Record<string, string> {
  return parsePropertiesText(find(objects, 'ConfigMap', configMap).data[key]);
}

describe('KafkaStatefulSetCluster', () => {
  // Issue #14: `cluster.local` was hard-coded. Kubernetes' cluster domain is the kubelet's
  // --cluster-domain (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/),
  // and clusters that change it resolve no name under cluster.local.
  it('writes the clusterDomain it is given into every name it builds, and cluster.local nowhere', () => {
    const { chart } = statefulSetChart({ cluster: { clusterDomain: 'k8s.example.com' } });
    const objects = synth(chart);
    expect(JSON.stringify(objects)).not.toContain('cluster.local');
    const broker = props(objects, 'orders-broker-config', 'server.properties');
    expect(broker['controller.quorum.voters']).toBe([0, 1, 2].map((i) => `${i}@orders-controller-${i}.orders-controller-headless.kafka.svc.k8s.example.com:9090`).join(','));
    const certificate = objects.find((o) => o.kind === 'Certificate' && o.spec.dnsNames.includes('*.orders-broker-headless.kafka.svc.k8s.example.com'));
    expect(certificate?.spec.dnsNames).toContain('orders-bootstrap.kafka.svc.k8s.example.com');
    // The start script advertises each pod under its FQDN in that domain.
    expect(JSON.stringify(find(objects, 'ConfigMap', 'orders-broker-config').data)).toContain('host=\\"${HOSTNAME}.orders-broker-headless.kafka.svc.k8s.example.com\\"');
  });

  describe('in production', () => {
    const { chart, cluster } = statefulSetChart();
    const objects = synth(chart);
    const brokers = find(objects, 'StatefulSet', 'orders-broker');
    const controllers = find(objects, 'StatefulSet', 'orders-controller');
    const broker = props(objects, 'orders-broker-config', 'server.properties');
    const controller = props(objects, 'orders-controller-config', 'controller.properties');

    it('renders 3 KRaft controllers and 3 brokers from apache/kafka 4.3.1', () => {
      expect(controllers.spec.replicas).toBe(3);
      expect(brokers.spec.replicas).toBe(3);
      expect(brokers.spec.template.spec.containers[0].image).toBe('apache/kafka:4.3.1');
      expect(controller['process.roles']).toBe('controller');
      expect(broker['process.roles']).toBe('broker');
      expect(broker['controller.quorum.voters']).toBe([0, 1, 2].map((i) => `${i}@orders-controller-${i}.orders-controller-headless.kafka.svc.cluster.local:9090`).join(','));
      expect(cluster.expectedNodes).toBe(6);
    });

    it('makes every listener SSL or SASL_SSL, the controller listener SSL with client certificates', () => {
      expect(broker['listener.security.protocol.map']).toBe('CONTROLLER:SSL,REPLICATION:SASL_SSL,SCRAM:SASL_SSL');
      expect(broker['listeners']).toBe('REPLICATION://:9091,SCRAM://:9093');
      expect(controller['listeners']).toBe('CONTROLLER://:9090');
      expect(controller['listener.name.controller.ssl.client.auth']).toBe('required');
      expect(broker['inter.broker.listener.name']).toBe('REPLICATION');
      expect(broker['sasl.mechanism.inter.broker.protocol']).toBe('SCRAM-SHA-512');
      expect(broker['ssl.enabled.protocols']).toBe('TLSv1.3,TLSv1.2');
    });

    it('keeps every password out of the manifests: config-provider references and secretKeyRefs only', () => {
      expect(broker['ssl.keystore.password']).toBe('${dir:/etc/kafka-iac/secrets/keystore-password:password}');
      expect(broker['listener.name.replication.scram-sha-512.sasl.jaas.config']).toContain('password="${dir:/etc/kafka-iac/secrets/broker-scram:password}"');
      expect(broker['config.providers.dir.class']).toBe('org.apache.kafka.common.config.provider.DirectoryConfigProvider');
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      expect(SecretScanner.scanValue(objects)).toEqual([]);
      // The format-time SCRAM passwords are files of a projected volume, never environment variables.
      const env: any[] = controllers.spec.template.spec.containers[0].env;
      expect(env.filter((e) => e.valueFrom?.secretKeyRef)).toEqual([]);
      const scramUsers = controllers.spec.template.spec.volumes.find((v: any) => v.name === 'scram-users');
      expect(scramUsers.projected.sources.map((s: any) => [s.secret.name, s.secret.items])).toEqual([
        ['orders-broker-scram', [{ key: 'password', path: '0' }]],
        ['orders-kafka-exporter-scram', [{ key: 'password', path: '1' }]],
        ['platform-admin-credentials', [{ key: 'password', path: '2' }]],
      ]);
      expect(controllers.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'scram-users', mountPath: '/etc/kafka-iac/secrets/scram-users', readOnly: true });
      expect(brokers.spec.template.spec.volumes.find((v: any) => v.name === 'scram-users')).toBeUndefined();
    });

    it('creates the SCRAM users at storage format time on the controllers only', () => {
      const controllerScript = find(objects, 'ConfigMap', 'orders-controller-config').data['start.sh'];
      const brokerScript = find(objects, 'ConfigMap', 'orders-broker-config').data['start.sh'];
      expect(controllerScript).toContain('password="$(cat /etc/kafka-iac/secrets/scram-users/0)"');
      expect(controllerScript).toContain(`argfile_word 'SCRAM-SHA-512=[name=orders-broker,password='"$password"']'`);
      expect(controllerScript).toContain('password="$(cat /etc/kafka-iac/secrets/scram-users/2)"');
      expect(controllerScript).toContain(`argfile_word 'SCRAM-SHA-512=[name=platform-admin,password='"$password"']'`);
      expect(controllerScript).toContain('/opt/kafka/bin/kafka-run-class.sh "@$argfile"');
      expect(brokerScript).not.toContain('--add-scram');
      expect(brokerScript).toContain('--ignore-formatted --cluster-id "$CLUSTER_ID"');
      expect(brokerScript).toContain('echo "broker.rack=${rack}"');
    });

    it('authorizes with the StandardAuthorizer, deny by default, super users only the admins and the nodes', () => {
      for (const p of [broker, controller]) {
        expect(p['authorizer.class.name']).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
        expect(p['allow.everyone.if.no.acl.found']).toBe('false');
        expect(p['super.users']).toBe('User:orders-broker;User:orders-controller;User:platform-admin');
      }
    });

    it('issues the node certificates with cert-manager, PKCS#12 keystores protected by a referenced Secret, renewed 45 days ahead', () => {
      const cert = find(objects, 'Certificate', 'orders-broker-tls');
      expect(cert.apiVersion).toBe('cert-manager.io/v1');
      expect(cert.spec.issuerRef).toEqual({ name: 'orders-ca', kind: 'Issuer', group: 'cert-manager.io' });
      expect(cert.spec.renewBefore).toBe('1080h');
      expect(cert.spec.keystores.pkcs12.passwordSecretRef).toEqual({ name: 'orders-keystore-password', key: 'password' });
      expect(cert.spec.dnsNames).toContain('orders-bootstrap.kafka.svc');
      expect(cert.spec.commonName).toBe('orders-broker');
    });

    it('reads broker.rack from the node zone label with a ServiceAccount allowed to get nodes', () => {
      const rack = brokers.spec.template.spec.initContainers.find((c: any) => c.name === 'rack');
      expect(rack.env).toEqual([
        { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'TOPOLOGY_KEY', value: 'topology.kubernetes.io/zone' },
      ]);
      expect(rack.command[2]).toContain('https://kubernetes.default.svc/api/v1/nodes/${NODE_NAME}');
      expect(find(objects, 'ClusterRole').rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
      expect(find(objects, 'ClusterRole').metadata.namespace).toBeUndefined();
      expect(brokers.spec.template.spec.automountServiceAccountToken).toBe(false);
      expect(controllers.spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['jmx-exporter-agent']);
    });

    it('loads the JMX exporter agent from an init container with the shared rules, and deploys Kafka Exporter', () => {
      const kafka = brokers.spec.template.spec.containers[0];
      expect(kafka.env.find((e: any) => e.name === 'KAFKA_OPTS').value).toBe(`-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=9404:/etc/kafka-iac/config/${JMX_EXPORTER_CONFIG_KEY}`);
      expect(find(objects, 'ConfigMap', 'orders-broker-config').data[JMX_EXPORTER_CONFIG_KEY]).toBe(renderJmxExporterConfig());
      expect(kafka.ports.find((p: any) => p.name === 'tcp-prometheus').containerPort).toBe(9404);
      const exporter = find(objects, 'Deployment', 'orders-kafka-exporter');
      expect(exporter.spec.template.metadata.labels).toEqual({ 'kafka-iac.dev/cluster': 'orders', 'app.kubernetes.io/name': 'kafka-exporter' });
      expect(exporter.spec.template.spec.containers[0].args).toContain('--kafka.server=orders-bootstrap.kafka.svc:9093');
      expect(exporter.spec.template.spec.containers[0].args.filter((a: string) => a.startsWith('--sasl.password'))).toEqual([]);
      expect(exporter.spec.template.spec.volumes).toContainEqual({ name: 'sasl', secret: { secretName: 'orders-kafka-exporter-scram', items: [{ key: 'password', path: 'password' }], defaultMode: 0o440 } });
    });

    it('spreads over 3 zones with DoNotSchedule, one Kafka pod per host, one PDB of maxUnavailable 1 over every Kafka pod', () => {
      const pod = brokers.spec.template.spec;
      expect(pod.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 });
      expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
      expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
      const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
      expect(pdbs.map((p) => [p.metadata.name, p.spec])).toEqual([
        ['orders-kafka', { maxUnavailable: 1, selector: { matchLabels: { 'kafka-iac.dev/cluster': 'orders', 'app.kubernetes.io/name': 'kafka' } } }],
      ]);
    });

    it('retains the PVCs on the encrypted StorageClass', () => {
      expect(brokers.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
      expect(brokers.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('kafka-orders-encrypted');
      expect(find(objects, 'StorageClass').parameters.kmsKeyId).toBeTruthy();
    });

    it('runs non-root with resources, a heap per PERF-001 and probes', () => {
      const pod = brokers.spec.template.spec;
      const kafka = pod.containers[0];
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(kafka.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(kafka.resources.limits).toEqual({ cpu: '2', memory: '8Gi' });
      expect(kafka.env.find((e: any) => e.name === 'KAFKA_HEAP_OPTS').value).toBe('-Xms4096m -Xmx4096m');
      expect(kafka.startupProbe.tcpSocket.port).toBe(9093);
      expect(kafka.readinessProbe.exec.command).toEqual(['/bin/bash', '/etc/kafka-iac/config/ready.sh']);
      expect(kafka.livenessProbe.tcpSocket.port).toBe(9093);
      expect(controllers.spec.template.spec.containers[0].startupProbe.tcpSocket.port).toBe(9090);
      expect(controllers.spec.template.spec.containers[0].readinessProbe.exec.command).toEqual(['/bin/bash', '/etc/kafka-iac/config/ready.sh']);
    });

    it('labels every object with the target and the cluster', () => {
      for (const o of objects) {
        expect(o.metadata.labels, `${o.kind}/${o.metadata.name}`).toMatchObject({ 'kafka-iac.dev/target': 'statefulset', 'kafka-iac.dev/cluster': 'orders' });
      }
    });

    it('exposes what the access model needs: bootstrap address, image, admin and CA Secrets', () => {
      expect(cluster.bootstrapServers).toBe('orders-bootstrap.kafka.svc:9093');
      expect(cluster.image).toBe('apache/kafka:4.3.1');
      expect(cluster.adminSecretNames.get('platform-admin')).toBe('platform-admin-credentials');
      expect(cluster.caCertificateSecretName).toBe('orders-broker-tls');
    });

    it('denies ingress by default and admits the listener ports only from the declared peers', () => {
      const clients = find(objects, 'NetworkPolicy', 'orders-allow-clients');
      expect(clients.spec.ingress).toEqual([{
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'orders' } } },
          { podSelector: { matchLabels: { 'kafka-iac.dev/cluster': 'orders', 'app.kubernetes.io/name': 'kafka-exporter' } } },
          { podSelector: { matchLabels: { 'kafka-iac.dev/target': 'statefulset', 'app.kubernetes.io/name': 'orders-access' } } },
        ],
        ports: [{ protocol: 'TCP', port: 9093 }],
      }]);
      expect(find(objects, 'NetworkPolicy', 'orders-deny-ingress').spec).toEqual({ podSelector: { matchLabels: { 'kafka-iac.dev/cluster': 'orders' } }, policyTypes: ['Ingress'] });
      expect(find(objects, 'NetworkPolicy', 'orders-allow-controllers').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 9090 }]);
    });

    it('renders the same output twice', () => {
      expect(synth(statefulSetChart().chart)).toEqual(objects);
    });
  });

  it('derives a valid KRaft cluster ID (16 bytes, URL-safe base64)', () => {
    const id = kraftClusterId('production/kafka/orders');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('runs a combined single node in development with zero rule errors', () => {
    const { chart } = statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
    const objects = synth(chart);
    const p = props(objects, 'orders-combined-config', 'server.properties');
    expect(p['process.roles']).toBe('broker,controller');
    expect(p['controller.quorum.voters']).toBe('0@orders-combined-0.orders-combined-headless.kafka.svc.cluster.local:9090');
    expect(objects.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name)).toEqual(['orders-combined']);
    expect(chart.complianceReport.errors()).toEqual([]);
  });

  it('logs allowed operations too with AuthorizerLogLevel.DEBUG, the level both Kubernetes targets take; the former StatefulSetAuthorizerLogLevel still works', () => {
    const level = (cluster: Partial<KafkaStatefulSetClusterProps>) => {
      const configMap = find(synth(statefulSetChart({ cluster }).chart), 'ConfigMap', 'orders-broker-config');
      return /^logger\.authorizer\.level=(.*)$/m.exec(configMap.data['log4j2.properties'])?.[1];
    };
    expect(level({})).toBe('INFO');
    expect(level({ authorizerLogLevel: AuthorizerLogLevel.DEBUG })).toBe('DEBUG');
    expect(level({ authorizerLogLevel: StatefulSetAuthorizerLogLevel.DEBUG })).toBe('DEBUG');
  });

  it('checks the JMX exporter download against a checksum when one is given', () => {
    const agent = JmxExporterAgent.download('1.1.0', 'a'.repeat(64));
    expect(agent.command[2]).toContain(`echo "${'a'.repeat(64)}  /opt/jmx-exporter/jmx_prometheus_javaagent.jar" | sha256sum -c -`);
  });

  describe('bad input', () => {
    it('refuses a cluster name that the Service, pod and certificate names cannot be built from', () => {
      expect(() => statefulSetChart({ cluster: { clusterName: 'a'.repeat(31) } }))
        .toThrow(/^KIAC-PROP \[kafka\/Kafka\] clusterName is 'a{31}'; expected a DNS label of at most 30 characters \(Service, pod and certificate names are built from it\)\. Use a name such as 'orders-kafka'\./);
      expect(() => statefulSetChart({ cluster: { clusterName: 'Orders' } })).toThrow(/^KIAC-PROP \[kafka\/Kafka\] clusterName is 'Orders'/);
    });
    it.each([2, 4])('refuses %i controllers with HA-005', (replicas) => {
      expect(() => statefulSetChart({ cluster: { controllers: { replicas } } })).toThrow(
        new RegExp(`^HA-005 \\[kafka/Kafka\\] controllers.replicas is ${replicas}; expected an odd KRaft quorum of 3 or 5 controllers.*Set controllers: \\{ replicas: ${replicas === 4 ? 5 : 3} \\}`));
    });
    it('refuses a listener that is not an object, or has no authentication, with the error rather than a TypeError', () => {
      expect(() => statefulSetChart({ cluster: { listeners: [undefined as any] } }))
        .toThrow(/KIAC-PROP \[kafka\/Kafka\] listeners\[0\] is not set; expected a listener/);
      expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'scram', port: 9093, authentication: 'scram' } as any] } }))
        .toThrow(/SEC-003 \[kafka\/Kafka listener scram\] authentication\[0\] is 'scram'; expected a ClientAuthentication/);
    });
    it('refuses a plaintext listener with SEC-001', () => {
      expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'plain', port: 9092, authentication: ClientAuthentication.scramSha512(), tls: false }] } }))
        .toThrow(/^SEC-001 \[kafka\/Kafka listener plain\] tls is false; expected true: plaintext listeners are refused in every environment\. Remove tls: false/);
    });
    it('refuses a listener without authentication with SEC-003', () => {
      expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'open', port: 9093, authentication: undefined as unknown as ClientAuthentication }] } }))
        .toThrow(/^SEC-003 \[kafka\/Kafka listener open\] authentication is 'none'; expected ClientAuthentication.scramSha512\(\) or .mutualTls\(\).*Set authentication: ClientAuthentication.scramSha512\(\)/);
    });
    it('refuses IAM, which is MSK-only, with SEC-003', () => {
      expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'iam', port: 9093, authentication: ClientAuthentication.iam() }] } }))
        .toThrow(/^SEC-003 \[kafka\/Kafka listener iam\] authentication is 'iam'/);
    });
    it('stops synthesis with SEC-009 when a password is inlined through an escape hatch', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/env/-', { name: 'SCRAM_BROKER_PASSWORD', value: 'hunter2-literal' }));
      expect(() => synth(chart)).toThrow(/SEC-009 \[kafka\/Kafka\/Brokers\].*environment variable 'SCRAM_BROKER_PASSWORD'/);
    });
    it('stops synthesis with SEC-009 when brokerConfig.extra inlines a keystore password', () => {
      const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'ssl.key.password': 'changeit' } } } });
      expect(() => synth(chart)).toThrow(/SEC-009 \[kafka\/Kafka\/BrokersConfig\]/);
    });
    it('stops synthesis with HA-005 when staging runs a combined node', () => {
      const { chart } = statefulSetChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
      expect(() => synth(chart)).toThrow(/HA-005 \[kafka\/Kafka\/Combined\] .*combine the controller and broker roles/);
    });
    it('refuses a Kafka 3.x version with HA-005', () => {
      expect(() => statefulSetChart({ cluster: { kafkaVersion: KafkaVersion.of('3.9.1') } })).toThrow(/^HA-005 \[kafka\/Kafka\] kafkaVersion is '3.9.1'; expected an Apache Kafka 4.x image tagged with its version/);
    });
    it('refuses a cluster without declared client networks with SEC-007', () => {
      expect(() => statefulSetChart({ cluster: { clientNetworks: [] } })).toThrow(/^SEC-007 \[kafka\/Kafka\] clientNetworks is \[\]/);
    });
    it('refuses a cluster whose metrics ports no declared Prometheus workload may scrape with SEC-007', () => {
      expect(() => statefulSetChart({ cluster: { prometheusNetworks: [] } }))
        .toThrow(/^SEC-007 \[kafka\/Kafka\/NetworkPolicies\] prometheusNetworks is \[\]; expected at least one declared Prometheus workload/);
    });
    it('refuses a cluster without a KMS key or StorageClass with SEC-006', () => {
      expect(() => statefulSetChart({ cluster: { kmsKeyId: undefined } })).toThrow(/^SEC-006 \[kafka\/Kafka\] kmsKeyId is not set/);
    });
    it('refuses the reserved controller and replication ports', () => {
      expect(() => statefulSetChart({ cluster: { listeners: [{ name: 'scram', port: 9091, authentication: ClientAuthentication.scramSha512() }] } })).toThrow(/^KIAC-PROP \[kafka\/Kafka listener scram\] port is 9091/);
    });
  });
});
