package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.stereotype.Component;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Looks at an xlsx (a zip) before anything parses it: its directory must name a workbook,
 * and the sizes it declares must stay under the caps (entry count, total uncompressed
 * size, compression ratio of large entries). A zip that lies about its sizes is caught
 * while reading by POI's {@link ZipSecureFile}, configured with the same caps.
 */
@Component
class ZipGuard {

	/**
	 * Entries smaller than this may compress as well as they like (XML of empty sheets
	 * does).
	 */
	static final long RATIO_GRACE = 1024 * 1024;

	private final long maxTotal;

	private final int maxRatio;

	private final int maxEntries;

	ZipGuard(ExchangeSettings settings) {
		this.maxTotal = settings.maxUncompressedSize().toBytes();
		this.maxRatio = settings.maxCompressionRatio();
		this.maxEntries = settings.maxZipEntries();
		ZipSecureFile.setMinInflateRatio(1.0 / maxRatio);
		ZipSecureFile.setMaxEntrySize(maxTotal);
		ZipSecureFile.setGraceEntrySize(RATIO_GRACE);
	}

	static Problem bomb() {
		return Problem.badRequest("file.zip-bomb", Text.of("文件疑似压缩炸弹（解压后体积过大或压缩比异常），已拒绝导入",
				"The file looks like a zip bomb (too large once unpacked, or an abnormal compression ratio): refused"));
	}

	static Problem notXlsx() {
		return Problem.badRequest("file.not-xlsx", Text.of("不是有效的 xlsx 文件：请用 Excel 或 WPS 另存为 .xlsx（Excel 工作簿）后再导入",
				"Not a valid xlsx file: save it as .xlsx (Excel workbook) in Excel or WPS and import it again"));
	}

	void check(Path file) {
		boolean contentTypes = false;
		boolean workbook = false;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			long total = 0;
			int count = 0;
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry e = entries.nextElement();
				if (++count > maxEntries) {
					throw bomb();
				}
				long size = e.getSize();
				long compressed = e.getCompressedSize();
				if (size > 0) {
					total += size;
					if (total > maxTotal || size > RATIO_GRACE && (compressed <= 0 || size / compressed > maxRatio)) {
						throw bomb();
					}
				}
				contentTypes |= e.getName().equals("[Content_Types].xml");
				workbook |= e.getName().equals("xl/workbook.xml");
			}
		}
		catch (IOException e) {
			throw notXlsx();
		}
		if (!contentTypes || !workbook) {
			throw notXlsx();
		}
	}

}
