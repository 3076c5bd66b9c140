import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ClientProperties } from '../../contract/client-properties';
import type { RuleTarget } from '../../contract/rule-target';
import { CLIENT_PRODUCER_LABEL, CLIENT_PROPERTIES_KEY, CLIENT_PROPERTIES_LABEL, TARGET_LABEL } from '../../contract/vocabulary';
import type { Principal } from '../../model/access/principal';
import { manifestOf, type Environment, type OutputRenderContext } from '../../model/environment';

/**
 * A principal's recommended client properties on a Kubernetes target: the ConfigMap
 * `<principal>-client-properties` (id `Client-<principal>`, key `client.properties`, labelled
 * with the target, the principal and whether it produces, which is how the rules find it), and
 * `dist/<env>/clients/<principal>.properties` read from that ConfigMap as synthesized (after any
 * JSON patch; in KafkaApp's synthesis, the manifest it writes, rendered once for both).
 */
export function clientPropertiesConfigMap(
  scope: Construct, environment: Environment, principal: Principal, client: ClientProperties, target: RuleTarget,
  annotations?: Readonly<Record<string, string>>,
): ApiObject {
  const configMap = new ApiObject(scope, `Client-${principal.name}`, {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: {
      name: `${principal.name}-client-properties`,
      labels: { [TARGET_LABEL]: target, [CLIENT_PROPERTIES_LABEL]: principal.name, [CLIENT_PRODUCER_LABEL]: String(client.isProducer) },
      ...(annotations ? { annotations: { ...annotations } } : {}),
    },
    data: { [CLIENT_PROPERTIES_KEY]: client.toPropertiesText() },
  });
  environment.addOutputFile(`clients/${principal.name}.properties`, (context) => publishedProperties(configMap, context));
  return configMap;
}

function publishedProperties(configMap: ApiObject, context?: OutputRenderContext): string {
  return String(manifestOf(configMap, context).data?.[CLIENT_PROPERTIES_KEY] ?? '');
}
