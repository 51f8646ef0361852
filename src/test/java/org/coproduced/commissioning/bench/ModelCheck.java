package org.coproduced.commissioning.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.coproduced.commissioning.modelcheck.ModelCheckBenchmark;

/** The deployment-time model check, measured by the model check's own benchmark. */
final class ModelCheck {

  private ModelCheck() {}

  static void run(Results results) throws Exception {
    System.out.println("Model check on the shipped model and a generated 2,000-element model...");
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ModelCheckBenchmark.main(new String[] {"processes/commissioning-cycle.bpmn"});
    } finally {
      System.setOut(out);
    }
    String table = captured.toString(StandardCharsets.UTF_8);
    System.out.print(table);
    // Rows: model, flow nodes, flows, violations, parse median, check median, check max.
    for (String line : table.split("\n")) {
      String[] cells = line.trim().split("\\s{2,}");
      if (cells.length == 7 && !cells[0].equals("model")) {
        results.add("Model check, " + cells[0] + " (" + cells[1] + " flow nodes, " + cells[2] + " flows)",
            "median " + cells[5] + " ms (parse " + cells[4] + " ms, slowest check " + cells[6] + " ms)");
      }
    }
  }
}
