/**
 * The properties writer and reader (java.util.Properties semantics). The implementation lives
 * in the model (`lib/model/properties-format.ts`) because the model's own broker settings are
 * written with it; targets and rules import it from here, the contract's home of writers.
 */
export { escapeProperty, propertiesComment, readProperties, writeProperties, writeSortedProperties } from '../../model/properties-format';
