package org.coproduced.commissioning.audit;

import java.util.List;

/**
 * Comma-separated values as spreadsheets read them. Text that a spreadsheet would take for a
 * formula (starting with =, +, -, @ or a control character) is prefixed with an apostrophe, so an
 * export never runs something a person typed into a form.
 */
final class Csv {

  private final StringBuilder text = new StringBuilder();

  /** Starts with a byte order mark, so spreadsheets read the export as UTF-8. */
  Csv(String... headers) {
    text.append('\uFEFF');
    row((Object[]) headers);
  }

  Csv row(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cell(cells[i]));
    }
    text.append("\r\n");
    return this;
  }

  Csv rows(List<Object[]> rows) {
    rows.forEach(this::row);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String cell = value.toString();
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
        || cell.startsWith("'")) {
      cell = '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
