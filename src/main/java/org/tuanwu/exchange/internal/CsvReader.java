package org.tuanwu.exchange.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * A streaming RFC 4180 reader: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes. UTF-8 with or without BOM; anything else (a GBK file
 * saved by an old Excel) is refused with a hint rather than read as garbage.
 */
final class CsvReader {

	private CsvReader() {
	}

	static void read(InputStream in, RowSink sink) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (PushbackReader r = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16),
				2)) {
			int first = r.read();
			if (first != 0xFEFF && first != -1) {
				r.unread(first);
			}
			parse(r, sink);
		}
		catch (CharacterCodingException e) {
			throw Problem.badRequest("file.encoding", Text.of(
					"CSV 文件须为 UTF-8 编码：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入",
					"A CSV file must be encoded in UTF-8: in Excel or WPS save it as \"CSV UTF-8 (comma delimited)\" and import it again"));
		}
	}

	private static void parse(PushbackReader r, RowSink sink) throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean pending = false;
		int number = 1;
		while (true) {
			int c = r.read();
			if (quoted) {
				if (c == -1) {
					quoted = false;
					continue;
				}
				if (c == '"') {
					int next = r.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							r.unread(next);
						}
					}
				}
				else {
					field.append((char) c);
				}
				continue;
			}
			if (c == -1) {
				if (pending || field.length() > 0 || !fields.isEmpty()) {
					fields.add(field.toString());
					emit(sink, number, fields);
				}
				return;
			}
			pending = true;
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int next = r.read();
					if (next != '\n' && next != -1) {
						r.unread(next);
					}
				}
				fields.add(field.toString());
				field.setLength(0);
				if (!emit(sink, number, fields)) {
					return;
				}
				fields = new ArrayList<>();
				pending = false;
				number++;
			}
			else if (c == '"' && field.length() == 0) {
				quoted = true;
			}
			else {
				field.append((char) c);
			}
		}
	}

	private static boolean emit(RowSink sink, int number, List<String> fields) {
		List<Cell> cells = new ArrayList<>(fields.size());
		boolean blank = true;
		for (String f : fields) {
			Cell cell = Cell.text(f);
			blank &= cell.blank();
			cells.add(cell);
		}
		return blank || sink.row(number, cells);
	}

}
