"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopicPattern = void 0;
const topic_selection_1 = require("./topic-selection");
/**
 * A set of topics matched by a Kafka resource pattern: a prefix (`orders.`), or Kafka's `*`.
 * Prefixed grants are allowed and listed in the SEC-005 report notes; a `*` grant to a
 * non-admin is refused in staging and production. Create it with `AccessModel.topicsWithPrefix`
 * or `AccessModel.anyTopic`.
 */
class TopicPattern extends topic_selection_1.TopicSelection {
    aclResource;
    errorPath;
    /** @internal Use `AccessModel.topicsWithPrefix` or `AccessModel.anyTopic`. */
    constructor(aclResource, modelPath) {
        super();
        this.aclResource = aclResource;
        this.errorPath = `${modelPath}/topics/${aclResource.isPrefix ? `${aclResource.name}*` : aclResource.name}`;
    }
}
exports.TopicPattern = TopicPattern;
