package org.coproduced.commissioning.modelcheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * How long the model check takes, printed as a table; not a test, so that the figures never
 * make the build flaky. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.coproduced.commissioning.modelcheck.ModelCheckBenchmark
 * </pre>
 *
 * <p>Measures a generated model of over 2,000 flow nodes (every stage many times over, exclusive,
 * inclusive and parallel gateways, rework loops, loops back to earlier gates, boundary timers,
 * an event subprocess), the same model with one bypass added, and {@code
 * processes/commissioning-cycle.bpmn} (or the files given as arguments) if present.
 */
public final class ModelCheckBenchmark {

  private static final int SEGMENTS = 145;
  private static final int WARM_UP_RUNS = 30;
  private static final int MEASURED_RUNS = 50;

  private ModelCheckBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String[]> rows = new ArrayList<>();
    rows.add(measure("generated, valid", GeneratedCycle.xml(SEGMENTS, false)));
    rows.add(measure("generated, one bypass", GeneratedCycle.xml(SEGMENTS, true)));
    List<String> files =
        args.length > 0 ? Arrays.asList(args) : List.of("processes/commissioning-cycle.bpmn");
    for (String file : files) {
      Path path = Path.of(file);
      if (Files.exists(path)) {
        rows.add(measure(file, Files.readString(path)));
      } else {
        System.out.println("(" + file + " not found: skipped)");
      }
    }
    print(rows);
  }

  private static String[] measure(String name, String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    CoproductionModelChecker checker = new CoproductionModelChecker();
    long[] parse = new long[MEASURED_RUNS];
    long[] check = new long[MEASURED_RUNS];
    int violations = 0;
    for (int run = -WARM_UP_RUNS; run < MEASURED_RUNS; run++) {
      long start = System.nanoTime();
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
      long parsed = System.nanoTime();
      violations = checker.check(model).size();
      long checked = System.nanoTime();
      if (run >= 0) {
        parse[run] = parsed - start;
        check[run] = checked - parsed;
      }
    }
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    return new String[] {
      name,
      String.valueOf(model.getModelElementsByType(FlowNode.class).size()),
      String.valueOf(model.getModelElementsByType(SequenceFlow.class).size()),
      String.valueOf(violations),
      millis(median(parse)),
      millis(median(check)),
      millis(Arrays.stream(check).max().orElse(0))
    };
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1_000_000.0);
  }

  private static void print(List<String[]> rows) {
    String format = "%-40s %10s %8s %11s %12s %12s %10s%n";
    System.out.printf(
        format, "model", "flow nodes", "flows", "violations", "parse med ms", "check med ms",
        "check max");
    for (String[] row : rows) {
      System.out.printf(format, (Object[]) row);
    }
    System.out.printf(
        "(%d warm-up runs, then %d measured; check = graph build + all rules, parse excluded)%n",
        WARM_UP_RUNS, MEASURED_RUNS);
  }

  /** Writes the XML of a large commissioning cycle, segment by segment. */
  static final class GeneratedCycle {

    private final StringBuilder xml = new StringBuilder();

    static String xml(int segments, boolean withBypass) {
      GeneratedCycle cycle = new GeneratedCycle();
      cycle.header();
      for (int i = 0; i < segments; i++) {
        cycle.segment(i, segments);
      }
      cycle.ending(segments, withBypass);
      return cycle.xml.toString();
    }

    private void header() {
      xml.append(
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              id="Definitions_Generated" targetNamespace="http://coproduced.org/benchmark">
            <bpmn:message id="Message_Cancel" name="Cancel" />
            <bpmn:process id="generated-cycle" isExecutable="true" camunda:historyTimeToLive="P1825D">
          """);
      xml.append(properties("coproduction:cycle", "true"));
      xml.append("<bpmn:startEvent id=\"Event_Start\" />\n");
      flow("Flow_Start", "Event_Start", gate(0));
    }

    /**
     * One stage visit, 14 flow nodes: gate (with a retry timer), a split (exclusive or
     * inclusive) to two decisions and a parallel block, a merge, and a loop gateway going back
     * to the split (rework), to the gate, to the previous segment's gate, or on.
     */
    private void segment(int i, int segments) {
      String stage = Stage.values()[i % Stage.values().length].name();
      boolean inclusive = i % 2 == 1;
      String gatewayType = inclusive ? "inclusiveGateway" : "exclusiveGateway";
      String next = i + 1 < segments ? gate(i + 1) : "CallActivity_Feedback";

      xml.append("<bpmn:callActivity id=\"").append(gate(i))
          .append("\" calledElement=\"involvement-request\">")
          .append(properties("coproduction:gate", stage)).append("</bpmn:callActivity>\n");
      timerBoundary("Event_GateTimeout_" + i, gate(i), true);
      flow("Flow_Retry_" + i, "Event_GateTimeout_" + i, gate(i));

      gateway(gatewayType, "Gateway_Split_" + i, "Flow_ToA_" + i);
      decision("Activity_DecideA_" + i, stage);
      decision("Activity_DecideB_" + i, stage);
      node("parallelGateway", "Gateway_Fork_" + i);
      decision("Activity_DecideC_" + i, stage);
      node("userTask", "Activity_Prepare_" + i);
      node("parallelGateway", "Gateway_Sync_" + i);
      node(gatewayType, "Gateway_Merge_" + i);
      gateway("exclusiveGateway", "Gateway_Loop_" + i, "Flow_Next_" + i);
      timerBoundary("Event_ReminderDue_" + i, "Activity_DecideA_" + i, false);
      node("manualTask", "Activity_SendReminder_" + i);
      node("endEvent", "Event_ReminderSent_" + i);

      flow("Flow_Gated_" + i, gate(i), "Gateway_Split_" + i);
      flow("Flow_ToA_" + i, "Gateway_Split_" + i, "Activity_DecideA_" + i);
      flow("Flow_ToB_" + i, "Gateway_Split_" + i, "Activity_DecideB_" + i, "${route == 'b'}");
      flow("Flow_ToFork_" + i, "Gateway_Split_" + i, "Gateway_Fork_" + i, "${route == 'both'}");
      flow("Flow_ForkC_" + i, "Gateway_Fork_" + i, "Activity_DecideC_" + i);
      flow("Flow_ForkPrepare_" + i, "Gateway_Fork_" + i, "Activity_Prepare_" + i);
      flow("Flow_SyncC_" + i, "Activity_DecideC_" + i, "Gateway_Sync_" + i);
      flow("Flow_SyncPrepare_" + i, "Activity_Prepare_" + i, "Gateway_Sync_" + i);
      flow("Flow_FromA_" + i, "Activity_DecideA_" + i, "Gateway_Merge_" + i);
      flow("Flow_FromB_" + i, "Activity_DecideB_" + i, "Gateway_Merge_" + i);
      flow("Flow_FromSync_" + i, "Gateway_Sync_" + i, "Gateway_Merge_" + i);
      flow("Flow_Merged_" + i, "Gateway_Merge_" + i, "Gateway_Loop_" + i);
      flow("Flow_Rework_" + i, "Gateway_Loop_" + i, "Gateway_Split_" + i, "${next == 'rework'}");
      flow("Flow_AskAgain_" + i, "Gateway_Loop_" + i, gate(i), "${next == 'askAgain'}");
      if (i > 0) {
        flow("Flow_BackToPrevious_" + i, "Gateway_Loop_" + i, gate(i - 1), "${next == 'back'}");
      }
      flow("Flow_Next_" + i, "Gateway_Loop_" + i, next);
      flow("Flow_Remind_" + i, "Event_ReminderDue_" + i, "Activity_SendReminder_" + i);
      flow("Flow_Reminded_" + i, "Activity_SendReminder_" + i, "Event_ReminderSent_" + i);
    }

    private void ending(int segments, boolean withBypass) {
      xml.append("<bpmn:callActivity id=\"CallActivity_Feedback\" calledElement=\"feedback-delivery\">")
          .append(properties("coproduction:feedback", "true")).append("</bpmn:callActivity>\n");
      node("endEvent", "Event_CycleCompleted");
      flow("Flow_FedBack", "CallActivity_Feedback", "Event_CycleCompleted");
      if (withBypass) {
        // From the last segment straight back to a PLAN decision of the second: a long path.
        flow("Flow_Bypass", "Gateway_Loop_" + (segments - 1), "Activity_DecideA_1", "${skip}");
      }
      xml.append(
          """
          <bpmn:subProcess id="SubProcess_Cancel" triggeredByEvent="true">
            <bpmn:startEvent id="Event_Cancelled"><bpmn:messageEventDefinition messageRef="Message_Cancel" /></bpmn:startEvent>
            <bpmn:callActivity id="CallActivity_CancellationFeedback" calledElement="feedback-delivery">
          """);
      xml.append(properties("coproduction:feedback", "true"));
      xml.append(
          """
            </bpmn:callActivity>
            <bpmn:endEvent id="Event_CancellationExplained" />
            <bpmn:sequenceFlow id="Flow_Cancelled" sourceRef="Event_Cancelled" targetRef="CallActivity_CancellationFeedback" />
            <bpmn:sequenceFlow id="Flow_Explained" sourceRef="CallActivity_CancellationFeedback" targetRef="Event_CancellationExplained" />
          </bpmn:subProcess>
            </bpmn:process>
          </bpmn:definitions>
          """);
    }

    private static String gate(int i) {
      return "CallActivity_Gate_" + i;
    }

    private void decision(String id, String stage) {
      xml.append("<bpmn:userTask id=\"").append(id).append("\">")
          .append(properties("coproduction:decision", stage)).append("</bpmn:userTask>\n");
    }

    private void node(String type, String id) {
      xml.append("<bpmn:").append(type).append(" id=\"").append(id).append("\" />\n");
    }

    private void gateway(String type, String id, String defaultFlow) {
      xml.append("<bpmn:").append(type).append(" id=\"").append(id)
          .append("\" default=\"").append(defaultFlow).append("\" />\n");
    }

    private void timerBoundary(String id, String host, boolean interrupting) {
      xml.append("<bpmn:boundaryEvent id=\"").append(id).append("\" cancelActivity=\"")
          .append(interrupting).append("\" attachedToRef=\"").append(host).append("\">")
          .append("<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">")
          .append("P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>\n");
    }

    private void flow(String id, String source, String target) {
      xml.append("<bpmn:sequenceFlow id=\"").append(id).append("\" sourceRef=\"").append(source)
          .append("\" targetRef=\"").append(target).append("\" />\n");
    }

    private void flow(String id, String source, String target, String condition) {
      xml.append("<bpmn:sequenceFlow id=\"").append(id).append("\" sourceRef=\"").append(source)
          .append("\" targetRef=\"").append(target).append("\">")
          .append("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">")
          .append(condition).append("</bpmn:conditionExpression></bpmn:sequenceFlow>\n");
    }

    private static String properties(String name, String value) {
      return "<bpmn:extensionElements><camunda:properties><camunda:property name=\""
          + name + "\" value=\"" + value + "\" /></camunda:properties></bpmn:extensionElements>\n";
    }
  }
}
