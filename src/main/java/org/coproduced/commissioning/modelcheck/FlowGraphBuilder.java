package org.coproduced.commissioning.modelcheck;

import static org.coproduced.commissioning.modelcheck.FlowGraph.TokenEffect.SPLITS_OFF;
import static org.coproduced.commissioning.modelcheck.FlowGraph.TokenEffect.STAYS;
import static org.coproduced.commissioning.modelcheck.FlowGraph.TokenEffect.TAKES_OVER;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CancelEventDefinition;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Turns one BPMN process into a {@link FlowGraph}, following Camunda 7's execution semantics
 * closely enough that every way a token can really move is an edge. Where the semantics are
 * too fine to follow statically the builder adds the edge anyway: an extra edge can only make
 * the check stricter, a missing one would let a bypass through.
 */
final class FlowGraphBuilder {

  /** A process, embedded subprocess or event subprocess: what its end events end. */
  private static final class Scope {
    final BaseElement element;
    final Scope parent;
    /** Virtual node: "this scope is running", from which its event subprocesses can start. */
    final int running;
    /** Virtual node: "this scope has ended"; for the process, the end of the whole instance. */
    final int ended;
    final List<FlowNode> flowNodes = new ArrayList<>();
    final List<SequenceFlow> sequenceFlows = new ArrayList<>();
    final List<SubProcess> eventSubProcesses = new ArrayList<>();

    Scope(BaseElement element, Scope parent, int running, int ended) {
      this.element = element;
      this.parent = parent;
      this.running = running;
      this.ended = ended;
    }
  }

  /** An event that catches a thrown error, escalation or cancel, and whether it interrupts. */
  private record Catcher(CatchEvent event, boolean interrupting) {}

  private final FlowGraph graph;
  private final Map<String, Integer> nodeOfElement = new HashMap<>();
  private final Map<String, Scope> scopeOfSubProcess = new HashMap<>();
  private final Map<String, List<BoundaryEvent>> boundaryEventsOf = new HashMap<>();

  private FlowGraphBuilder(Process process) {
    this.graph = new FlowGraph(process.getId());
  }

  static FlowGraph build(Process process) {
    FlowGraphBuilder builder = new FlowGraphBuilder(process);
    FlowGraph.Node processEnd = builder.graph.addVirtualNode();
    processEnd.processEnd = true;
    Scope root = builder.collect(process, null, processEnd.index);
    builder.connect(root);
    for (FlowNode node : root.flowNodes) {
      if (node instanceof StartEvent) {
        builder.graph.addStart(builder.nodeOf(node));
      }
    }
    return builder.graph;
  }

  // ---- pass 1: a node for every flow node, so later edges can point anywhere ----

  private Scope collect(BaseElement container, Scope parent, int ended) {
    Scope scope = new Scope(container, parent, graph.addVirtualNode().index, ended);
    for (FlowElement element : CoproductionMarkers.flowElementsOf(container)) {
      if (element instanceof SequenceFlow flow) {
        scope.sequenceFlows.add(flow);
      } else if (element instanceof SubProcess sub && sub.triggeredByEvent()) {
        // An event subprocess is not a place a token goes to by a flow: its start event is.
        scope.eventSubProcesses.add(sub);
        collectSubScope(sub, scope);
      } else if (element instanceof FlowNode node) {
        scope.flowNodes.add(node);
        addElementNode(node);
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
          boundaryEventsOf
              .computeIfAbsent(boundary.getAttachedTo().getId(), id -> new ArrayList<>())
              .add(boundary);
        }
        if (node instanceof SubProcess sub) {
          collectSubScope(sub, scope);
        }
      }
    }
    return scope;
  }

  private void collectSubScope(SubProcess sub, Scope parent) {
    scopeOfSubProcess.put(sub.getId(), collect(sub, parent, graph.addVirtualNode().index));
  }

  private void addElementNode(FlowNode element) {
    FlowGraph.Node node = graph.addElementNode(element.getId());
    node.gate = CoproductionMarkers.gateStage(element).orElse(null);
    node.decision = CoproductionMarkers.decisionStage(element).orElse(null);
    node.feedback = CoproductionMarkers.isFeedback(element);
    node.records = RecordingStep.of(element).orElse(null);
    node.perPerson = runsPerInstance(element);
    nodeOfElement.put(element.getId(), node.index);
  }

  /** Whether the element or a subprocess around it is multi-instance. */
  private static boolean runsPerInstance(FlowNode element) {
    for (ModelElementInstance at = element; at != null && !(at instanceof Process); at = at.getParentElement()) {
      if (at instanceof Activity activity
          && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
        return true;
      }
    }
    return false;
  }

  // ---- pass 2: edges ----

  private void connect(Scope scope) {
    Map<String, List<FlowNode>> targetsOf = new HashMap<>();
    for (SequenceFlow flow : scope.sequenceFlows) {
      if (flow.getSource() != null && flow.getTarget() != null) {
        targetsOf
            .computeIfAbsent(flow.getSource().getId(), id -> new ArrayList<>())
            .add(flow.getTarget());
      }
    }
    Map<String, List<IntermediateCatchEvent>> linkCatches = linkCatchesByName(scope);

    for (FlowNode node : scope.flowNodes) {
      int index = nodeOf(node);
      // Any node of a running scope is a moment at which its event subprocesses can start.
      graph.addEdge(index, scope.running, false, STAYS);

      if (node instanceof BoundaryEvent boundary) {
        if (isCompensation(boundary)) {
          continue; // compensation handlers hang off associations, not flows: never an exit
        }
        attachBoundary(boundary);
      }
      if (node instanceof EndEvent end) {
        connectEnd(end, scope);
        continue;
      }
      if (node instanceof Activity activity && activity.isForCompensation()) {
        continue;
      }

      int completion = index;
      if (node instanceof SubProcess sub) {
        Scope inner = scopeOfSubProcess.get(sub.getId());
        List<FlowNode> entries = entriesOf(inner);
        if (!entries.isEmpty()) {
          for (FlowNode entry : entries) {
            graph.addEdge(index, nodeOf(entry), false, STAYS);
          }
          // The subprocess is complete when its own scope ends: that is where its flows leave.
          completion = inner.ended;
        }
        connect(inner);
      }

      boolean leaves = false;
      for (FlowNode target : targetsOf.getOrDefault(node.getId(), List.of())) {
        graph.addEdge(completion, nodeOf(target), true, STAYS);
        leaves = true;
      }
      if (node instanceof IntermediateThrowEvent thrower) {
        leaves |= connectIntermediateThrow(thrower, scope, linkCatches);
      }
      if (!leaves) {
        // Camunda ends a token at a node with no outgoing flow, as at an end event.
        graph.addEdge(completion, scope.ended, true, STAYS);
      }
    }

    for (SubProcess eventSub : scope.eventSubProcesses) {
      connectEventSubProcess(eventSub, scope);
    }
  }

  private void attachBoundary(BoundaryEvent boundary) {
    Activity host = boundary.getAttachedTo();
    if (host == null) {
      return;
    }
    // Leaves the host before it completes: a boundary on a gate is not a gate passed.
    graph.addEdge(
        nodeOf(host), nodeOf(boundary), false, boundary.cancelActivity() ? STAYS : SPLITS_OFF);
  }

  private void connectEventSubProcess(SubProcess eventSub, Scope enclosing) {
    Scope inner = scopeOfSubProcess.get(eventSub.getId());
    boolean interrupting = true;
    for (FlowNode node : inner.flowNodes) {
      if (node instanceof StartEvent start) {
        interrupting &= start.isInterrupting();
        graph.addEdge(
            enclosing.running, nodeOf(start), false, start.isInterrupting() ? TAKES_OVER : SPLITS_OFF);
      }
    }
    // Conservatively, other event subprocesses of the enclosing scope may start meanwhile.
    graph.addEdge(inner.running, enclosing.running, false, STAYS);
    if (interrupting) {
      // It replaced the enclosing scope's tokens, so its end is the end of that scope. The end
      // of a non-interrupting one ends only its own token: the scope goes on.
      graph.addEdge(inner.ended, enclosing.ended, true, STAYS);
    }
    connect(inner);
  }

  private void connectEnd(EndEvent end, Scope scope) {
    int index = nodeOf(end);
    EventDefinition definition = firstDefinition(end.getEventDefinitions());
    if (definition instanceof TerminateEventDefinition) {
      // Terminate ends every token of its scope (a subprocess's terminate ends only it).
      graph.addEdge(index, scope.ended, true, TAKES_OVER);
      return;
    }
    List<Catcher> catchers = catchersFor(definition, scope);
    boolean interrupted = false;
    for (Catcher catcher : catchers) {
      graph.addEdge(index, nodeOf(catcher.event()), true, effectOf(catcher));
      interrupted |= catcher.interrupting();
    }
    if (!interrupted) {
      // A plain end, or a throw nobody catches (Camunda then just ends the token), or an
      // escalation caught without interrupting: the scope can still end through here.
      graph.addEdge(index, scope.ended, true, STAYS);
    }
  }

  /** Link jumps and intermediate escalations; true if the token goes on somewhere. */
  private boolean connectIntermediateThrow(
      IntermediateThrowEvent thrower,
      Scope scope,
      Map<String, List<IntermediateCatchEvent>> linkCatches) {
    int index = nodeOf(thrower);
    EventDefinition definition = firstDefinition(thrower.getEventDefinitions());
    boolean leaves = false;
    if (definition instanceof LinkEventDefinition link) {
      for (IntermediateCatchEvent target : linkCatches.getOrDefault(link.getName(), List.of())) {
        graph.addEdge(index, nodeOf(target), true, STAYS);
        leaves = true;
      }
    }
    for (Catcher catcher : catchersFor(definition, scope)) {
      graph.addEdge(index, nodeOf(catcher.event()), true, effectOf(catcher));
    }
    return leaves;
  }

  private Map<String, List<IntermediateCatchEvent>> linkCatchesByName(Scope scope) {
    Map<String, List<IntermediateCatchEvent>> catches = new LinkedHashMap<>();
    for (FlowNode node : scope.flowNodes) {
      if (node instanceof IntermediateCatchEvent catchEvent
          && firstDefinition(catchEvent.getEventDefinitions()) instanceof LinkEventDefinition link) {
        catches.computeIfAbsent(link.getName(), name -> new ArrayList<>()).add(catchEvent);
      }
    }
    return catches;
  }

  /**
   * Where a thrown error, escalation or cancel goes: as in Camunda, first to an event subprocess
   * of the scope it is thrown in, then to a boundary event of that scope's subprocess, then
   * outwards, scope by scope. All matching catchers of the first level that has any are
   * returned; Camunda picks one of them, the check follows each.
   */
  private List<Catcher> catchersFor(EventDefinition thrown, Scope scope) {
    if (thrown instanceof ErrorEventDefinition error) {
      String code = errorCode(error);
      return findCatchers(scope, ErrorEventDefinition.class, caught -> matches(errorCode(caught), code));
    }
    if (thrown instanceof EscalationEventDefinition escalation) {
      String code = escalationCode(escalation);
      return findCatchers(
          scope, EscalationEventDefinition.class, caught -> matches(escalationCode(caught), code));
    }
    if (thrown instanceof CancelEventDefinition) {
      return findCatchers(scope, CancelEventDefinition.class, caught -> true);
    }
    return List.of();
  }

  private <T extends EventDefinition> List<Catcher> findCatchers(
      Scope from, Class<T> type, Predicate<T> catches) {
    for (Scope scope = from; scope != null; scope = scope.parent) {
      List<Catcher> found = new ArrayList<>();
      for (SubProcess eventSub : scope.eventSubProcesses) {
        for (FlowNode node : scopeOfSubProcess.get(eventSub.getId()).flowNodes) {
          if (node instanceof StartEvent start && catchesWith(start, type, catches)) {
            found.add(new Catcher(start, start.isInterrupting()));
          }
        }
      }
      if (found.isEmpty() && scope.element instanceof SubProcess sub) {
        for (BoundaryEvent boundary : boundaryEventsOf.getOrDefault(sub.getId(), List.of())) {
          if (catchesWith(boundary, type, catches)) {
            found.add(new Catcher(boundary, boundary.cancelActivity()));
          }
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static <T extends EventDefinition> boolean catchesWith(
      CatchEvent event, Class<T> type, Predicate<T> catches) {
    for (EventDefinition definition : event.getEventDefinitions()) {
      if (type.isInstance(definition) && catches.test(type.cast(definition))) {
        return true;
      }
    }
    return false;
  }

  /** A catch event without a code catches everything, as in Camunda. */
  private static boolean matches(String caughtCode, String thrownCode) {
    return caughtCode == null || Objects.equals(caughtCode, thrownCode);
  }

  private static String errorCode(ErrorEventDefinition definition) {
    Error error = definition.getError();
    return error == null ? null : error.getErrorCode();
  }

  private static String escalationCode(EscalationEventDefinition definition) {
    Escalation escalation = definition.getEscalation();
    return escalation == null ? null : escalation.getEscalationCode();
  }

  private static FlowGraph.TokenEffect effectOf(Catcher catcher) {
    return catcher.interrupting() ? TAKES_OVER : SPLITS_OFF;
  }

  /** Where a token entering a subprocess starts: its start event, or free-standing nodes. */
  private static List<FlowNode> entriesOf(Scope scope) {
    List<FlowNode> starts = new ArrayList<>();
    for (FlowNode node : scope.flowNodes) {
      if (node instanceof StartEvent) {
        starts.add(node);
      }
    }
    if (!starts.isEmpty()) {
      return starts;
    }
    List<FlowNode> free = new ArrayList<>();
    for (FlowNode node : scope.flowNodes) {
      if (!hasIncomingFlow(scope, node)
          && !(node instanceof BoundaryEvent)
          && !(node instanceof Activity activity && activity.isForCompensation())) {
        free.add(node);
      }
    }
    return free;
  }

  private static boolean hasIncomingFlow(Scope scope, FlowNode node) {
    for (SequenceFlow flow : scope.sequenceFlows) {
      if (flow.getTarget() != null && node.getId().equals(flow.getTarget().getId())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCompensation(BoundaryEvent boundary) {
    return firstDefinition(boundary.getEventDefinitions()) instanceof CompensateEventDefinition;
  }

  private static EventDefinition firstDefinition(Collection<EventDefinition> definitions) {
    return definitions.isEmpty() ? null : definitions.iterator().next();
  }

  private int nodeOf(FlowNode node) {
    return nodeOfElement.get(node.getId());
  }
}
