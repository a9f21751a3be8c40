package org.tuanwu.exchange.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DateUtil;
import org.tuanwu.shared.Problem;

import cn.idev.excel.FastExcel;
import cn.idev.excel.cache.MapCache;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;

/**
 * Streams the first sheet of an xlsx through FastExcel with an in-memory read cache for
 * the shared strings (the disk cache is 8× slower on files saved by Excel and WPS). Cells
 * arrive raw, so a date cell is told by its number format and a whole number is written
 * as digits, not as {@code 1.2E10}.
 */
final class XlsxReader {

	private XlsxReader() {
	}

	static void read(Path file, RowSink sink) {
		Listener listener = new Listener(sink);
		try {
			FastExcel.read(file.toFile(), listener)
				.readCache(new MapCache())
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.ignoreEmptyRow(true)
				.autoCloseStream(true)
				.sheet(0)
				.headRowNumber(0)
				.doRead();
		}
		catch (RuntimeException e) {
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (t instanceof Problem p) {
					throw p;
				}
				String m = String.valueOf(t.getMessage());
				if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceed the max size")) {
					throw ZipGuard.bomb();
				}
			}
			throw ZipGuard.notXlsx();
		}
	}

	private static final class Listener implements ReadListener<Map<Integer, ReadCellData<?>>> {

		private final RowSink sink;

		private boolean more = true;

		Listener(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void invoke(Map<Integer, ReadCellData<?>> data, AnalysisContext context) {
			int last = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
			List<Cell> cells = new ArrayList<>(last + 1);
			boolean blank = true;
			for (int i = 0; i <= last; i++) {
				Cell cell = cell(data.get(i));
				blank &= cell.blank();
				cells.add(cell);
			}
			if (!blank) {
				more = sink.row(context.readRowHolder().getRowIndex() + 1, cells);
			}
		}

		@Override
		public boolean hasNext(AnalysisContext context) {
			return more;
		}

		@Override
		public void onException(Exception exception, AnalysisContext context) throws Exception {
			throw exception;
		}

		@Override
		public void doAfterAllAnalysed(AnalysisContext context) {
		}

	}

	static Cell cell(ReadCellData<?> data) {
		if (data == null || data.getType() == null) {
			return Cell.EMPTY;
		}
		return switch (data.getType()) {
			case NUMBER -> number(data);
			case BOOLEAN -> new Cell(String.valueOf(data.getBooleanValue()), false);
			case EMPTY -> Cell.EMPTY;
			default -> Cell.text(data.getStringValue() == null ? "" : data.getStringValue());
		};
	}

	private static Cell number(ReadCellData<?> data) {
		BigDecimal n = data.getNumberValue();
		if (n == null) {
			return Cell.EMPTY;
		}
		DataFormatData format = data.getDataFormatData();
		if (format != null && cn.idev.excel.util.DateUtils.isADateFormat(format.getIndex(), format.getFormat())
				&& DateUtil.isValidExcelDate(n.doubleValue())) {
			return new Cell(DateUtil.getLocalDateTime(n.doubleValue()).toLocalDate().toString(), false);
		}
		BigDecimal plain = n.stripTrailingZeros();
		String text = plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
		return new Cell(text, true);
	}

}
