package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Auditors reading the engine's record of cycles in Cockpit, in a real browser.
 *
 * <p>Cockpit Community Edition shows running instances only; the history of a finished cycle
 * and its coproduction evidence come with the auditors' Cockpit plugins (served from
 * {@code /app/api/audit}). When they are merged, the test below goes on to open a finished
 * cycle's history and evidence in those plugins.
 */
@BrowserTest
class CockpitE2E {

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  @Screenshots("auditor-cockpit")
  void auditorSignsInToCockpitAndSeesTheProcessesDashboard() {
    String bk = new CycleDriver(engine).startCycle("Cycle an auditor looks at").getBusinessKey();

    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.waitFor(By.xpath("//*[normalize-space(.)='Running Process Instances']"));
    auditor.screenshot("dashboard");
    assertThat(auditor.pageText()).contains("Alex Morgan", "Running Process Instances", "Open Human Tasks",
        "Process Definitions");

    auditor.go("/camunda/app/cockpit/default/#/processes");
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Commissioning cycle']"));
    auditor.screenshot("processes");
    assertThat(auditor.pageText()).contains("Commissioning cycle", "Involvement of experts", "You said, we did");

    auditor.clickLink("Commissioning cycle");
    auditor.waitFor(By.cssSelector("[data-element-id='Activity_AgreeInvolvementPlan']"));
    auditor.waitFor(By.xpath("//td[normalize-space(.)='" + bk + "']"));
    auditor.screenshot("running-cycles");
  }
}
