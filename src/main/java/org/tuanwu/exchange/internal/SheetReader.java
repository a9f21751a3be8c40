package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Reads a csv or xlsx file row by row, the kind chosen by the file name; an xlsx is
 * checked by {@link ZipGuard} first.
 */
@Component
class SheetReader {

	private final ZipGuard zipGuard;

	SheetReader(ZipGuard zipGuard) {
		this.zipGuard = zipGuard;
	}

	/** Checks what can be checked before parsing: for an xlsx, its zip directory. */
	void check(Path file, FileKind kind) {
		if (kind == FileKind.XLSX) {
			zipGuard.check(file);
		}
	}

	void read(Path file, FileKind kind, RowSink sink) {
		if (kind == FileKind.XLSX) {
			XlsxReader.read(file, sink);
			return;
		}
		try (InputStream in = Files.newInputStream(file)) {
			CsvReader.read(in, sink);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
