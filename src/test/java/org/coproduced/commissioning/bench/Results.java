package org.coproduced.commissioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** The benchmark's figures as a Markdown table, printed and saved to target/bench/results.md. */
final class Results {

  static final Path FILE = Path.of("target", "bench", "results.md");

  private record Row(String measure, String figure, String goal, String verdict) {}

  /** A log line at level ERROR in Spring Boot's console format: time, then the level. */
  private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

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

  /** Keeps the ERROR lines of a started application's log: the benchmark's own runs must log none. */
  void checkLog(Path log) throws IOException {
    try (var lines = Files.lines(log)) {
      lines.filter(line -> ERROR_LINE.matcher(line).find()).forEach(line -> recordError(log.getFileName() + ": " + line));
    }
  }

  void recordError(String line) {
    errors.add(line);
  }

  /** The ERROR lines logged by the applications the benchmark ran, in the benchmark's process or started by it. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| measure | figure | goal | |\n|---|---|---|---|\n");
    List<Row> all = new ArrayList<>(rows);
    all.add(new Row("ERROR lines logged by the applications the benchmark ran", String.valueOf(errors.size()),
        "none", errors.isEmpty() ? "met" : "**missed**"));
    for (Row row : all) {
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
