import { Construct } from 'constructs';
import { KafkaIacError } from '../model/errors';

/**
 * The id of a new kafka-iac construct, checked before `constructs` sees it: the scope must be a
 * construct and the id a non-empty string not yet used by a sibling. `KafkaIacConstruct`, the base
 * of the library's constructs, calls it, and so does every construct that extends another class
 * (`KafkaStack`, `KafkaChart`, a node-set StatefulSet) in its `super(scope, checkedConstructId(scope, id), ...)`,
 * so a duplicate id or a missing scope is the library's error (KIAC-ID, naming the id and the scope) instead of the constructs
 * library's internal one or a TypeError.
 */
export function checkedConstructId(scope: Construct, id: string): string {
  if (!Construct.isConstruct(scope)) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-ID', path: typeof id === 'string' ? id : '<new construct>', prop: 'scope', found: scope === null ? null : typeof scope,
      expected: 'a construct (a KafkaStack, a KafkaChart or a construct inside one)',
      fix: 'Pass the stack or chart as the first argument: new X(stack, id, props).',
    });
  }
  if (typeof id !== 'string' || id === '') {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-ID', path: scope.node.path || '<root>', prop: 'id', found: id,
      expected: 'a non-empty string, unique among the constructs of this scope',
      fix: "Give the construct an id such as 'Kafka'.",
    });
  }
  if (scope.node.tryFindChild(id) !== undefined) throw KafkaIacError.duplicateId(scope.node.path, id);
  return id;
}
