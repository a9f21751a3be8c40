package org.tuanwu.identity.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit log's key and checkpoints come from ({@code tuanwu.audit.*},
 * docs/security.md "Audit log").
 *
 * @param key the HMAC key of the chain, at least 32 characters (e.g. from the environment
 * variable {@code TUANWU_AUDIT_KEY}); every node of one database must have the same
 * @param keyFile a file holding the key instead; on the embedded database it defaults to
 * {@code secrets/audit.key} beside the database and is generated on the first start
 * @param checkpointDir where this node writes its signed checkpoint and where
 * verification looks for checkpoints (every {@code *.checkpoint} file); defaults to
 * {@code audit-checkpoints} beside the embedded database, or
 * {@code ./data/audit-checkpoints} for a database server; none for an in-memory database
 * @param nodeId the name of this node's checkpoint file (default: the host name)
 */
@ConfigurationProperties("tuanwu.audit")
record AuditSettings(@Nullable String key, @Nullable Path keyFile, @Nullable Path checkpointDir,
		@Nullable String nodeId) {
}
