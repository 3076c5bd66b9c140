"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Topic = void 0;
const acl_1 = require("./acl");
const topic_selection_1 = require("./topic-selection");
/**
 * A declared topic. Create it with `AccessModel.addTopic`; grant access with
 * `grantProduce` / `grantConsume`.
 */
class Topic extends topic_selection_1.TopicSelection {
    name;
    settings;
    aclResource;
    errorPath;
    /** @internal Use `AccessModel.addTopic`. */
    constructor(
    /** The Kafka topic name. */
    name, 
    /** The resolved settings. */
    settings, modelPath) {
        super();
        this.name = name;
        this.settings = settings;
        this.aclResource = acl_1.AclResource.topic(name);
        this.errorPath = `${modelPath}/topics/${name}`;
    }
    get partitions() {
        return this.settings.partitions;
    }
    get replicationFactor() {
        return this.settings.replicationFactor;
    }
    get minInsyncReplicas() {
        return this.settings.minInsyncReplicas;
    }
    /** True for `cleanup.policy=compact`. */
    get compacted() {
        return this.settings.config['cleanup.policy'] === 'compact';
    }
}
exports.Topic = Topic;
