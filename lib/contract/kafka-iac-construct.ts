import { Construct } from 'constructs';
import { Environment } from '../model/environment';
import { checkedConstructId } from './construct-id';

/**
 * The base of the library's constructs (the aws-cdk `Resource` habit): its constructor checks the
 * scope and the id before `constructs` sees them (`checkedConstructId`), so a missing scope, an
 * empty id or an id used twice is the library's KIAC-ID error, naming the id and the scope, in
 * every construct, never the constructs library's internal error or a TypeError. It also gives
 * every construct the two things its validation needs: its `path` (what every error names) and
 * the `environment` of its stack or chart.
 */
export abstract class KafkaIacConstruct extends Construct {
  private resolvedEnvironment?: Environment;

  protected constructor(scope: Construct, id: string) {
    super(scope, checkedConstructId(scope, id));
  }

  /** The construct's path in the tree (`this.node.path`): the path its error messages name. */
  protected get path(): string {
    return this.node.path;
  }

  /**
   * The environment of the enclosing KafkaStack or KafkaChart (`Environment.of(this)`), looked up
   * on first use, so a construct that never reads it needs none. A construct outside any stack or
   * chart that carries one gets the KIAC-ENV error on that first use.
   */
  protected get environment(): Environment {
    this.resolvedEnvironment ??= Environment.of(this);
    return this.resolvedEnvironment;
  }
}
