package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Permission;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * docs/api.md "Exchange": templates, export, import (all or nothing) and the annotated
 * copy of a refused file.
 */
@RestController
@RequestMapping("/api/v1/exchange/{type}")
class ExchangeController {

	private final ExchangeService exchange;

	private final CurrentActor actors;

	private final Clock clock;

	ExchangeController(ExchangeService exchange, CurrentActor actors, Clock clock) {
		this.exchange = exchange;
		this.actors = actors;
		this.clock = clock;
	}

	record ImportResult(int created, int updated, int unchanged, int rows) {
	}

	@GetMapping("/template")
	void template(@PathVariable String type, @RequestParam(defaultValue = "xlsx") String format,
			HttpServletResponse response) throws IOException {
		actors.get();
		ExchangeFormat f = exchange.format(type);
		FileKind kind = FileKind.ofFormat(format);
		attachment(response, kind, f.title() + "-导入模板." + kind.extension());
		exchange.template(type, kind, response.getOutputStream());
	}

	/**
	 * The export is an audited action, so only {@code POST} (docs/api.md "Safe methods").
	 */
	@PostMapping("/export")
	void export(@PathVariable String type, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam Optional<Long> under, @RequestParam(defaultValue = "true") boolean includeDissolved,
			HttpServletResponse response) throws IOException {
		Actor actor = actors.get();
		ExchangeFormat f = exchange.format(type);
		FileKind kind = FileKind.ofFormat(format);
		exchange.checkExport(actor, type, under);
		attachment(response, kind, f.title() + "-导出-" + LocalDate.now(clock) + "." + kind.extension());
		exchange.export(actor, type, kind, under, includeDissolved, response.getOutputStream());
	}

	@PostMapping("/import")
	ImportResult importFile(@PathVariable String type, @RequestParam(required = false) MultipartFile file) {
		Actor actor = actors.get();
		actor.require(Permission.EXCHANGE_IMPORT);
		exchange.format(type);
		MultipartFile upload = required(file);
		return withUpload(upload, path -> {
			ImportReport report = exchange.importFile(actor, type, name(upload), path);
			if (report.refused()) {
				throw refused(report);
			}
			return new ImportResult(report.created(), report.updated(), report.unchanged(), report.rows());
		});
	}

	@PostMapping("/annotate")
	void annotate(@PathVariable String type, @RequestParam(required = false) MultipartFile file,
			HttpServletResponse response) {
		Actor actor = actors.get();
		actor.require(Permission.EXCHANGE_IMPORT);
		ExchangeFormat f = exchange.format(type);
		MultipartFile upload = required(file);
		String base = name(upload).replaceFirst("\\.[^.]*$", "");
		withUpload(upload, path -> {
			var buffer = new java.io.ByteArrayOutputStream();
			exchange.annotate(actor, type, name(upload), path, buffer);
			try {
				attachment(response, FileKind.XLSX, (base.isEmpty() ? f.title() : base) + "-错误说明.xlsx");
				buffer.writeTo(response.getOutputStream());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return null;
		});
	}

	static Problem refused(ImportReport report) {
		List<Map<String, Object>> errors = report.errors().stream().map(ExchangeController::json).toList();
		return new Problem(422, "import.refused", Text.of("导入失败：{0} 行有错误，未写入任何数据",
				"Import refused: {0} rows have errors; nothing was written", report.badRows()), errors);
	}

	private static Map<String, Object> json(RowError e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("row", e.row());
		m.put("field", e.field());
		m.put("column", e.column());
		// A refused cell may be huge (a pasted page): echo enough of it to find it.
		m.put("value", e.value().length() <= 200 ? e.value() : e.value().substring(0, 200) + "…");
		m.put("reason", e.why());
		return m;
	}

	private static MultipartFile required(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw Problem.badRequest("file.missing", Text.of("请选择要上传的文件", "Choose the file to upload"));
		}
		return file;
	}

	private static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null) {
			return "";
		}
		String plain = name.replace('\\', '/');
		return plain.substring(plain.lastIndexOf('/') + 1);
	}

	/**
	 * Keeps the upload in a temporary file while it is read (an xlsx must be opened as a
	 * zip), then removes it.
	 */
	private <T> T withUpload(MultipartFile upload, java.util.function.Function<Path, T> work) {
		exchange.checkUploadSize(upload.getSize());
		FileKind.requireOfFileName(name(upload));
		Path path = ExchangeService.tempFile(name(upload));
		try {
			upload.transferTo(path);
			return work.apply(path);
		}
		catch (IOException e) {
			throw Problem.badRequest("file.unreadable",
					Text.of("上传的文件无法读取，请重新选择文件", "The uploaded file cannot be read; choose the file again"));
		}
		finally {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException e) {
				// A leftover temporary file is harmless; the system's cleaner removes it.
			}
		}
	}

	private static void attachment(HttpServletResponse response, FileKind kind, String fileName) {
		response.setContentType(kind.mediaType().toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

}
