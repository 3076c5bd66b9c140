"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACL_OPERATION_NAMES = exports.PRINCIPAL_KINDS = void 0;
exports.aclCommandLine = aclCommandLine;
exports.renderAclLines = renderAclLines;
exports.renderTopicLines = renderTopicLines;
exports.parseAclLines = parseAclLines;
exports.parseTopicLines = parseTopicLines;
const acl_1 = require("../model/access/acl");
const principal_1 = require("../model/access/principal");
const client_authentication_1 = require("../model/client-authentication");
const RESOURCE_FLAGS = {
    [acl_1.AclResourceType.TOPIC]: '--topic',
    [acl_1.AclResourceType.GROUP]: '--group',
    [acl_1.AclResourceType.CLUSTER]: '--cluster',
    [acl_1.AclResourceType.TRANSACTIONAL_ID]: '--transactional-id',
};
/** `kafka-acls.sh` arguments for one entry. */
function aclCommandLine(kafkaPrincipal, entry) {
    const who = entry.permission === acl_1.AclPermission.DENY ? '--deny-principal' : '--allow-principal';
    const ops = entry.operations.map((o) => `--operation ${o}`).join(' ');
    const flag = RESOURCE_FLAGS[entry.resource.type];
    const resource = entry.resource.type === acl_1.AclResourceType.CLUSTER ? flag : `${flag} ${entry.resource.name}`;
    const pattern = entry.resource.patternType === acl_1.AclPatternType.PREFIX ? 'prefixed' : 'literal';
    return `--add ${who} ${kafkaPrincipal} ${ops} ${resource} --resource-pattern-type ${pattern}`;
}
/**
 * The ACL lines of every principal that Kafka ACLs govern (SCRAM, mutual TLS, OAuth). IAM
 * principals are skipped: IAM policies govern them.
 */
function renderAclLines(model) {
    const principals = model.principals.filter((p) => p.authentication.mechanism !== client_authentication_1.AuthenticationMechanism.IAM);
    const lines = [`# kafka-iac ACLs of ${model.name}: one line = the arguments of one kafka-acls.sh call.`];
    for (const p of principals)
        lines.push(`# principal ${p.kafkaPrincipal} ${p.kind}`);
    for (const p of principals)
        for (const e of p.acls)
            lines.push(aclCommandLine(p.kafkaPrincipal, e));
    return lines.join('\n') + '\n';
}
/** The `kafka-topics.sh --create` lines of every declared topic. */
function renderTopicLines(model) {
    const lines = [`# kafka-iac topics of ${model.name}: one line = the arguments of one kafka-topics.sh call.`];
    for (const t of model.topics) {
        const config = Object.entries(t.settings.config).map(([k, v]) => ` --config ${k}=${v}`).join('');
        lines.push(`--create --if-not-exists --topic ${t.name} --partitions ${t.partitions} --replication-factor ${t.replicationFactor}${config}`);
    }
    return lines.join('\n') + '\n';
}
/** Parses an ACL artefact written by `renderAclLines` (or edited afterwards). */
function parseAclLines(text) {
    const kinds = new Map();
    const acls = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '')
            continue;
        const kind = /^#\s*principal\s+(\S+)\s+(\S+)/.exec(line);
        if (kind) {
            kinds.set(kind[1], kind[2]);
            continue;
        }
        if (line.startsWith('#'))
            continue;
        const words = line.split(/\s+/);
        let principal = '';
        let permission = acl_1.AclPermission.ALLOW;
        let resourceType;
        let name = '';
        let patternType = acl_1.AclPatternType.LITERAL;
        const operations = [];
        for (let i = 0; i < words.length; i++) {
            const w = words[i];
            const next = words[i + 1] ?? '';
            switch (w) {
                case '--allow-principal':
                    principal = next;
                    permission = acl_1.AclPermission.ALLOW;
                    i++;
                    break;
                case '--deny-principal':
                    principal = next;
                    permission = acl_1.AclPermission.DENY;
                    i++;
                    break;
                case '--operation':
                    operations.push(next);
                    i++;
                    break;
                case '--topic':
                    resourceType = acl_1.AclResourceType.TOPIC;
                    name = next;
                    i++;
                    break;
                case '--group':
                    resourceType = acl_1.AclResourceType.GROUP;
                    name = next;
                    i++;
                    break;
                case '--transactional-id':
                    resourceType = acl_1.AclResourceType.TRANSACTIONAL_ID;
                    name = next;
                    i++;
                    break;
                case '--cluster':
                    resourceType = acl_1.AclResourceType.CLUSTER;
                    name = 'kafka-cluster';
                    break;
                case '--resource-pattern-type':
                    patternType = next === 'prefixed' || next === 'prefix' ? acl_1.AclPatternType.PREFIX : acl_1.AclPatternType.LITERAL;
                    i++;
                    break;
                default: break;
            }
        }
        if (resourceType === undefined || principal === '')
            continue;
        acls.push({ principal, permission, resourceType, name, patternType, operations, line });
    }
    return { kinds, acls };
}
/** The kinds a principal may have in an ACL artefact. */
exports.PRINCIPAL_KINDS = Object.values(principal_1.PrincipalKind);
/** Operation names accepted in ACL lines. */
exports.ACL_OPERATION_NAMES = Object.values(acl_1.AclOperation);
/**
 * Parses topic lines as `renderTopicLines` writes them (or as edited afterwards): one
 * `kafka-topics.sh` call per line, blank lines and `#` comments skipped, lines without
 * `--topic` ignored.
 */
function parseTopicLines(text) {
    const out = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const topic = /--topic\s+(\S+)/.exec(line)?.[1];
        if (!topic)
            return;
        const config = {};
        for (const m of line.matchAll(/--config\s+([^=\s]+)=(\S*)/g))
            config[m[1]] = m[2];
        out.push({
            topic,
            partitions: /--partitions\s+(\S+)/.exec(line)?.[1],
            replicationFactor: /--replication-factor\s+(\S+)/.exec(line)?.[1],
            config,
            line: i + 1,
        });
    });
    return out;
}
