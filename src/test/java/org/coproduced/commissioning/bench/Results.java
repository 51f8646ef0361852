package org.coproduced.commissioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures as a Markdown table, printed and saved to target/bench/results.md. */
final class Results {

  static final Path FILE = Path.of("target", "bench", "results.md");

  private record Row(String measure, String figure, String goal, String verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** A figure with no goal. */
  void add(String measure, String figure) {
    rows.add(new Row(measure, figure, "", ""));
  }

  /** A figure and whether it meets its goal. */
  void add(String measure, String figure, String goal, boolean met) {
    rows.add(new Row(measure, figure, goal, met ? "met" : "**missed**"));
  }

  void note(String text) {
    notes.add(text);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| measure | figure | goal | |\n|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ").append(row.measure()).append(" | ").append(row.figure()).append(" | ")
          .append(row.goal()).append(" | ").append(row.verdict()).append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  void save(String heading) {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, heading + "\n\n" + markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String seconds(double seconds) {
    return String.format("%.2f s", seconds);
  }

  static String millis(double millis) {
    return String.format("%.1f ms", millis);
  }

  static String megabytes(long kilobytes) {
    return String.format("%d MB", Math.round(kilobytes / 1024.0));
  }
}
