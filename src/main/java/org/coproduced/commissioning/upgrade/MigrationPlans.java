package org.coproduced.commissioning.upgrade;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running instances of an older model version onto the latest one, with Camunda's
 * migration API, for the versions that have a tested plan. Instances need not move: each keeps
 * the version it started on and still runs (see the README, "Upgrading"). Moving them lets the
 * bean methods only old versions call be deleted sooner; Cockpit then shows them on the latest
 * version. A version without a plan here is refused, because a plan nobody has tried can leave an
 * instance waiting where the new model never goes on.
 */
@Service
public class MigrationPlans {

  /**
   * Tested plans, as "process key:version tag". {@code involvement-request:1} (release 0.1.0):
   * every element keeps its id in the later version, so equal ids map onto each other.
   */
  static final Set<String> PLANNED = Set.of("involvement-request:1");

  private final ProcessEngine engine;

  public MigrationPlans(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The versions that have a plan, as "process key:version tag". */
  public Set<String> planned() {
    return PLANNED;
  }

  /**
   * Moves every running instance of the process's definitions with this version tag onto its latest
   * definition, all in one transaction: if one cannot move, none does, and the error says why.
   *
   * @return how many instances moved
   * @throws IllegalArgumentException if that version has no plan; nothing is changed
   */
  @Transactional
  public long migrateToLatest(String processKey, String versionTag) {
    if (!PLANNED.contains(processKey + ":" + versionTag)) {
      throw new IllegalArgumentException("There is no migration plan for " + processKey + " version tag " + versionTag
          + ", so nothing was moved. Versions with a plan: " + String.join(", ", PLANNED.stream().sorted().toList())
          + ". Instances of other versions keep running on the version they started on.");
    }
    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    List<ProcessDefinition> sources = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).versionTag(versionTag).list().stream()
        .filter(source -> !source.getId().equals(latest.getId())).toList();
    long moved = 0;
    for (ProcessDefinition source : sources) {
      long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (running > 0) {
        MigrationPlan plan = engine.getRuntimeService().createMigrationPlan(source.getId(), latest.getId())
            .mapEqualActivities().updateEventTriggers().build();
        engine.getRuntimeService().newMigration(plan).processInstanceQuery(engine.getRuntimeService()
            .createProcessInstanceQuery().processDefinitionId(source.getId())).execute();
        moved += running;
      }
    }
    return moved;
  }
}
