"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OffsetSyncsTopicLocation = void 0;
/**
 * Where MirrorMaker 2 keeps its offset-syncs topic (`offset-syncs.topic.location`). The source
 * and checkpoint connectors must agree, or the checkpoint connector reads an empty topic and
 * never translates an offset (DR-005).
 * @see https://kafka.apache.org/documentation/#mirror_maker_config
 */
var OffsetSyncsTopicLocation;
(function (OffsetSyncsTopicLocation) {
    /**
     * On the target (DR) cluster. The source principal then only reads: least privilege on the
     * cluster that serves production. The default here.
     */
    OffsetSyncsTopicLocation["TARGET"] = "target";
    /** On the source cluster (Kafka's default): the source principal must create and write the topic. */
    OffsetSyncsTopicLocation["SOURCE"] = "source";
})(OffsetSyncsTopicLocation || (exports.OffsetSyncsTopicLocation = OffsetSyncsTopicLocation = {}));
