package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Permission;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Import, export, template and annotated copy for every exchange format, the same for the
 * web and the command line. A file is read in one pass and checked whole before anything
 * is written; the writes and the audit entry share one transaction.
 */
@Service
@EnableConfigurationProperties(ExchangeSettings.class)
class ExchangeService {

	private final Map<String, ExchangeFormat> formats = new LinkedHashMap<>();

	private final SheetReader reader;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final ExchangeSettings settings;

	ExchangeService(List<ExchangeFormat> formats, SheetReader reader, AuditLog audit,
			PlatformTransactionManager transactions, ExchangeSettings settings) {
		formats.forEach(f -> this.formats.put(f.type(), f));
		this.reader = reader;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.settings = settings;
	}

	ExchangeFormat format(String type) {
		ExchangeFormat format = formats.get(type);
		if (format == null) {
			throw Problem.notFound("exchange.unknown-type",
					Text.of("未知的数据类型：{0}（可用：{1}）", "Unknown data type: {0} (available: {2})", type,
							String.join("、", formats.keySet()), String.join(", ", formats.keySet())));
		}
		return format;
	}

	List<String> types() {
		return List.copyOf(formats.keySet());
	}

	/**
	 * Refuses an upload larger than {@code tuanwu.import.max-file-size} (the command line
	 * has no such limit).
	 */
	void checkUploadSize(long bytes) {
		if (bytes > settings.maxFileSize().toBytes()) {
			throw new Problem(413, "file.too-large",
					Text.of("文件过大（超过 {0} MB），请拆分后再导入",
							"The file is too large (over {0} MB): split it and import the parts",
							settings.maxFileSize().toMegabytes()));
		}
	}

	/**
	 * Reads, checks and (if no row is bad) writes the file; a refused import is audited
	 * too.
	 */
	ImportReport importFile(Actor actor, String type, String fileName, Path file) {
		actor.require(Permission.EXCHANGE_IMPORT);
		ExchangeFormat format = format(type);
		Parsed parsed = parse(format, fileName, file);
		ImportReport report = tx.execute(status -> {
			ImportReport r = parsed.batch().apply(actor, parsed.fileErrors());
			String counts = r.refused() ? r.badRows() + " 行有错误，未写入"
					: "新建 " + r.created() + "，修改 " + r.updated() + "，未变 " + r.unchanged();
			audit.record(actor, AuditEntry.of(r.refused() ? "IMPORT_REFUSED" : "IMPORT",
					"导入" + format.title() + " " + fileName + "：共 " + r.rows() + " 行，" + counts));
			return r;
		});
		return report;
	}

	/**
	 * The checks of an import, without writing anything (the writes, if any, are rolled
	 * back).
	 */
	List<RowError> check(Actor actor, String type, String fileName, Path file) {
		actor.require(Permission.EXCHANGE_IMPORT);
		Parsed parsed = parse(format(type), fileName, file);
		return tx.execute(status -> {
			status.setRollbackOnly();
			return parsed.batch().apply(actor, parsed.fileErrors()).errors();
		});
	}

	private record Parsed(ExchangeFormat.Batch batch, List<RowError> fileErrors) {
	}

	private Parsed parse(ExchangeFormat format, String fileName, Path file) {
		FileKind kind = FileKind.requireOfFileName(fileName);
		reader.check(file, kind);
		ExchangeFormat.Batch batch = format.batch();
		List<RowError> fileErrors = new ArrayList<>();
		Map<Integer, Column>[] columns = columnsHolder();
		boolean[] headerSeen = { false };
		reader.read(file, kind, (number, cells) -> {
			if (!headerSeen[0]) {
				headerSeen[0] = true;
				Optional<Map<Integer, Column>> match = HeaderMatch.match(format.columns(), cells, fileErrors);
				match.ifPresent(m -> columns[0] = m);
				return match.isPresent();
			}
			Map<Column, Cell> byColumn = new HashMap<>();
			columns[0].forEach((index, column) -> {
				if (index < cells.size()) {
					byColumn.put(column, cells.get(index));
				}
			});
			batch.add(number, byColumn);
			return true;
		});
		if (!headerSeen[0]) {
			throw Problem.badRequest("file.empty",
					Text.of("文件是空的：第 1 行应为表头", "The file is empty: row 1 must be the header"));
		}
		return new Parsed(batch, fileErrors);
	}

	@SuppressWarnings("unchecked")
	private static Map<Integer, Column>[] columnsHolder() {
		return new Map[] { Map.of() };
	}

	/**
	 * Writes the records of the subtree; the permission and {@code under} are checked
	 * before the first byte.
	 */
	void checkExport(Actor actor, String type, Optional<Long> under) {
		format(type).checkExport(actor, under);
	}

	int export(Actor actor, String type, FileKind kind, Optional<Long> under, boolean includeDissolved,
			OutputStream out) {
		ExchangeFormat format = format(type);
		format.checkExport(actor, under);
		int[] count = { 0 };
		try (TableWriter w = TableWriter.open(kind, out, format.title())) {
			w.row(headers(format));
			format.export(actor, under, includeDissolved, row -> {
				w.row(row);
				count[0]++;
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		audit.record(actor, AuditEntry.of("EXPORT", "导出" + format.title() + "（" + kind.extension() + "）：" + count[0]
				+ " 条" + under.map(id -> "，范围组织 id " + id).orElse("")));
		return count[0];
	}

	/**
	 * The headers, a sample row and (xlsx) the allowed values and the rule of every
	 * column.
	 */
	void template(String type, FileKind kind, OutputStream out) {
		ExchangeFormat format = format(type);
		try (TableWriter w = TableWriter.open(kind, out, format.title())) {
			w.row(headers(format));
			w.row(format.sampleRow());
			if (w.sheet("可选值")) {
				Map<String, List<String>> allowed = format.allowedValues();
				w.row(List.copyOf(allowed.keySet()));
				int longest = allowed.values().stream().mapToInt(List::size).max().orElse(0);
				for (int i = 0; i < longest; i++) {
					int at = i;
					w.row(allowed.values().stream().map(l -> at < l.size() ? l.get(at) : "").toList());
				}
			}
			if (w.sheet("填写说明")) {
				w.row(List.of("表头", "英文键", "必需的列", "规则"));
				for (Column c : format.columns()) {
					w.row(List.of(c.header(), c.key(), c.required() ? "是" : "否", c.rule()));
				}
				w.row(List.of("", "", "", "第 1 行为表头（中文表头或英文键均可，顺序不限）；空行跳过；导入为整体操作：任一行有错则不写入任何数据"));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * An xlsx copy of the uploaded file with a first column 错误说明 naming each row's errors
	 * (the header's own in row 1); refused rows are highlighted. Nothing is written to
	 * the database.
	 */
	void annotate(Actor actor, String type, String fileName, Path file, OutputStream out) {
		List<RowError> errors = check(actor, type, fileName, file);
		Map<Integer, String> byRow = errors.stream()
			.collect(Collectors.groupingBy(RowError::row, LinkedHashMap::new,
					Collectors.mapping(ExchangeService::describe, Collectors.joining("；"))));
		FileKind kind = FileKind.requireOfFileName(fileName);
		try (TableWriter w = TableWriter.open(FileKind.XLSX, out, format(type).title())) {
			boolean[] header = { true };
			boolean[] skipFirst = { false };
			reader.read(file, kind, (number, cells) -> {
				List<String> values = new ArrayList<>(cells.size() + 1);
				String note = byRow.getOrDefault(number, "");
				boolean annotated = !cells.isEmpty() && cells.get(0).text().equals(HeaderMatch.ANNOTATION) && header[0];
				values.add(header[0] ? HeaderMatch.ANNOTATION + (note.isEmpty() ? "" : "：" + note) : note);
				// A corrected copy uploaded again carries our column already: replace it,
				// do not stack another.
				cells.stream().skip(annotated || skipFirst[0] ? 1 : 0).forEach(c -> values.add(c.text()));
				if (header[0]) {
					skipFirst[0] = annotated;
					header[0] = false;
					w.row(values);
				}
				else if (note.isEmpty()) {
					w.row(values);
				}
				else {
					w.highlightedRow(values);
				}
				return true;
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@code 第N行 [列] 值: 原因}, the form of the command line's stderr. */
	static String line(RowError e) {
		return "第" + e.row() + "行 " + describe(e);
	}

	static String describe(RowError e) {
		return "[" + e.column() + "] " + e.value() + ": " + e.reason();
	}

	static List<String> headers(ExchangeFormat format) {
		return format.columns().stream().map(Column::header).toList();
	}

	static Path tempFile(String fileName) {
		try {
			String suffix = FileKind.ofFileName(fileName).map(k -> "." + k.extension()).orElse(".upload");
			return Files.createTempFile("tuanwu-import-", suffix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
