package org.tuanwu.exchange.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * The two file kinds of the exchange formats, told apart by the file name's extension.
 */
enum FileKind {

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	CSV("csv", "text/csv;charset=UTF-8");

	private final String extension;

	private final String contentType;

	FileKind(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	String extension() {
		return extension;
	}

	MediaType mediaType() {
		return MediaType.parseMediaType(contentType);
	}

	static Optional<FileKind> ofFileName(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		for (FileKind k : values()) {
			if (lower.endsWith("." + k.extension)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}

	static FileKind requireOfFileName(String name) {
		return ofFileName(name)
			.orElseThrow(() -> Problem.badRequest("file.type", Text.of("不支持的文件类型：只能导入 .xlsx 或 .csv 文件（{0}）",
					"Unsupported file type: only .xlsx or .csv files can be imported ({0})", name)));
	}

	static FileKind ofFormat(String format) {
		return switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "xlsx" -> XLSX;
			case "csv" -> CSV;
			default -> throw Problem.badRequest("request.bad-parameter",
					Text.of("文件格式只能是 xlsx 或 csv", "The file format can only be xlsx or csv"));
		};
	}

}
