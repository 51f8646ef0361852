package org.coproduced.commissioning.upgrade;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the migrations an administrator asked for in {@code coproduction.upgrade.migrate-on-start}
 * (for example {@code involvement-request:1}) once the application, and so the new release's
 * models, are up. A version without a plan stops the start with the reason, before anything moves.
 */
@Component
public class MigrationOnStart {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationOnStart.class);

  private final MigrationPlans plans;
  private final List<String> requested;

  public MigrationOnStart(MigrationPlans plans, @Value("${coproduction.upgrade.migrate-on-start:}") List<String> requested) {
    this.plans = plans;
    this.requested = requested.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void migrate() {
    List<String> unknown = requested.stream().filter(entry -> !plans.planned().contains(entry)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("coproduction.upgrade.migrate-on-start names versions without a migration plan: "
          + String.join(", ", unknown) + ". Nothing was moved. Versions with a plan: "
          + String.join(", ", plans.planned().stream().sorted().toList()) + ".");
    }
    for (String entry : requested) {
      String[] keyAndTag = entry.split(":", 2);
      long moved = plans.migrateToLatest(keyAndTag[0], keyAndTag[1]);
      LOG.info("Moved {} running instances of {} version tag {} to the latest version", moved, keyAndTag[0], keyAndTag[1]);
    }
  }
}
