import type { AclResource } from './acl';
import { TopicSelection } from './topic-selection';

/**
 * A set of topics matched by a Kafka resource pattern: a prefix (`orders.`), or Kafka's `*`.
 * Prefixed grants are allowed and listed in the SEC-005 report notes; a `*` grant to a
 * non-admin is refused in staging and production. Create it with `AccessModel.topicsWithPrefix`
 * or `AccessModel.anyTopic`.
 */
export class TopicPattern extends TopicSelection {
  protected readonly errorPath: string;

  /** @internal Use `AccessModel.topicsWithPrefix` or `AccessModel.anyTopic`. */
  public constructor(public readonly aclResource: AclResource, modelPath: string) {
    super();
    this.errorPath = `${modelPath}/topics/${aclResource.isPrefix ? `${aclResource.name}*` : aclResource.name}`;
  }
}
