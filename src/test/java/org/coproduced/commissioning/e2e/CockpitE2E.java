package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Auditors reading the engine's record of cycles in Cockpit, in a real browser. */
@BrowserTest
class CockpitE2E {

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  @Screenshots("auditor-cockpit")
  void auditorSignsInToCockpitAndSeesTheProcessesDashboard() {
    new CycleDriver(engine).startCycle("Cycle an auditor looks at");

    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.screenshot("dashboard");
    auditor.savePage("dashboard");
    auditor.go("/camunda/app/cockpit/default/#/processes");
    auditor.screenshot("processes");
    auditor.savePage("processes");
  }
}
