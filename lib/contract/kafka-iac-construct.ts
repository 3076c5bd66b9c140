import { Construct } from 'constructs';
import { checkedConstructId } from './construct-id';

/**
 * The base of the library's constructs (the aws-cdk `Resource` habit): its constructor checks the
 * scope and the id before `constructs` sees them (`checkedConstructId`), so a missing scope, an
 * empty id or an id used twice is the library's KIAC-ID error, naming the id and the scope, in
 * every construct, never the constructs library's internal error or a TypeError.
 */
export abstract class KafkaIacConstruct extends Construct {
  protected constructor(scope: Construct, id: string) {
    super(scope, checkedConstructId(scope, id));
  }
}
