package org.coproduced.commissioning.modelcheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * What a call activity's binding resolves to, as Camunda 7 resolves it when the call runs: the
 * processes of the deployment being made, then the definitions already deployed.
 *
 * <ul>
 *   <li>{@code latest} (the default): this deployment's model of the key, else the latest deployed;
 *   <li>{@code deployment}: this deployment's model only;
 *   <li>{@code version}: that version; this deployment's model is the next version of its key;
 *   <li>{@code versionTag}: the one definition with that tag (Camunda refuses the call if several
 *       have it, so the check does too).
 * </ul>
 *
 * A version or tag given by an expression, or a call into another tenant, cannot be followed
 * before the call runs: the check says so and refuses it.
 */
final class CalledProcesses {

  /** What a binding resolves to: the definitions, or why there are none. */
  record Resolution(List<CalledDefinition> definitions, String problem) {
    static Resolution of(CalledDefinition definition) {
      return new Resolution(List.of(definition), null);
    }

    static Resolution none(String problem) {
      return new Resolution(List.of(), problem);
    }
  }

  private final Map<String, Process> inDeployment = new LinkedHashMap<>();
  private final DeployedDefinitions deployed;

  CalledProcesses(Collection<BpmnModelInstance> deploymentModels, DeployedDefinitions deployed) {
    for (BpmnModelInstance model : deploymentModels) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        inDeployment.putIfAbsent(process.getId(), process);
      }
    }
    this.deployed = deployed;
  }

  Resolution resolve(CallActivity call) {
    String key = call.getCalledElement();
    if (call.getCamundaCalledElementTenantId() != null) {
      return Resolution.none("it calls into tenant '" + call.getCamundaCalledElementTenantId()
          + "', which the check cannot follow");
    }
    String binding = call.getCamundaCalledElementBinding() == null ? "latest" : call.getCamundaCalledElementBinding();
    return switch (binding) {
      case "latest" -> latest(key);
      case "deployment" -> thisDeployment(key)
          .map(Resolution::of)
          .orElseGet(() -> Resolution.none("its binding 'deployment' finds no '" + key + "' in this deployment"));
      case "version" -> version(key, call.getCamundaCalledElementVersion());
      case "versionTag" -> versionTag(key, call.getCamundaCalledElementVersionTag());
      default -> Resolution.none("its binding '" + binding + "' is not one the check knows");
    };
  }

  private Resolution latest(String key) {
    Optional<CalledDefinition> found = thisDeployment(key).or(() -> deployed.latest(key));
    return found.map(Resolution::of)
        .orElseGet(() -> Resolution.none("its binding 'latest' finds no '" + key + "' deployed or in this deployment"));
  }

  private Resolution version(String key, String version) {
    int number;
    try {
      number = Integer.parseInt(version == null ? "" : version.trim());
    } catch (NumberFormatException e) {
      return Resolution.none("its binding 'version' gives '" + version
          + "', which is not a version number the check can follow");
    }
    Optional<CalledDefinition> found = thisDeployment(key).filter(any -> number == deployed.latestVersion(key) + 1)
        .or(() -> deployed.version(key, number));
    return found.map(Resolution::of).orElseGet(() -> Resolution.none("its binding 'version' " + number
        + " finds no version " + number + " of '" + key + "' deployed or in this deployment"
        + latestVersionHint(key)));
  }

  private String latestVersionHint(String key) {
    int latest = deployed.latestVersion(key) + (inDeployment.containsKey(key) ? 1 : 0);
    return latest == 0 ? "" : " (the latest is version " + latest + ")";
  }

  private Resolution versionTag(String key, String tag) {
    if (tag == null || tag.contains("${") || tag.contains("#{")) {
      return Resolution.none("its binding 'versionTag' gives '" + tag + "', which the check cannot follow");
    }
    List<CalledDefinition> found = new ArrayList<>();
    thisDeployment(key).filter(called -> tag.equals(called.process().getCamundaVersionTag())).ifPresent(found::add);
    found.addAll(deployed.withVersionTag(key, tag));
    if (found.isEmpty()) {
      return Resolution.none("its binding 'versionTag' '" + tag + "' finds no '" + key
          + "' with that version tag deployed or in this deployment");
    }
    if (found.size() > 1) {
      return Resolution.none("its binding 'versionTag' '" + tag + "' finds " + found.size() + " definitions of '"
          + key + "' with that tag, so the engine would refuse the call");
    }
    return Resolution.of(found.get(0));
  }

  private Optional<CalledDefinition> thisDeployment(String key) {
    return Optional.ofNullable(inDeployment.get(key))
        .map(process -> new CalledDefinition("the '" + key + "' of this deployment", process, true));
  }
}
