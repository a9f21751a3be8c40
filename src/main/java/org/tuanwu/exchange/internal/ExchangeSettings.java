package org.tuanwu.exchange.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on imported files. {@code maxFileSize} holds for uploads (the web multipart
 * limit is the same setting); the zip limits hold for every xlsx, uploaded or named on
 * the command line.
 */
@ConfigurationProperties("tuanwu.import")
record ExchangeSettings(@DefaultValue("30MB") DataSize maxFileSize, @DefaultValue("500MB") DataSize maxUncompressedSize,
		@DefaultValue("100") int maxCompressionRatio, @DefaultValue("10000") int maxZipEntries) {
}
