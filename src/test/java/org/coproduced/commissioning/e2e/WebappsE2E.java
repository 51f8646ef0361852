package org.coproduced.commissioning.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin as the council's people see them: the council's name in the header,
 * no banner telling the council to move to another product, and no "Create task" in Tasklist
 * (free-standing tasks are off unless the council turns them on).
 */
@BrowserTest
class WebappsE2E {

  private static final String COUNCIL = "Exampletown Council";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;

  @Test
  @Screenshots("webapps-tasklist")
  void tasklistNamesTheCouncilAndOffersNoBannerAndNoCreateTask() {
    for (String user : List.of("commissioner", "coordinator", "expert1")) {
      Browser browser = browsers.signIn(port, "tasklist", user);
      browser.waitFor(By.xpath("//a[normalize-space(.)='Start process']"));
      browser.screenshot("header");
      assertHeaderNamesTheCouncil(browser, "Tasklist");
      assertNoBanner(browser);
      assertThat(visible(browser, By.xpath("//a[contains(normalize-space(.), 'Create task')]")))
          .as("Create task offered to %s", user).isEmpty();
      assertThat(browser.pageText()).doesNotContain("Create task");
    }
  }

  @Test
  @Screenshots("webapps-cockpit")
  void cockpitNamesTheCouncilAndShowsNoBanner() {
    Browser auditor = browsers.signIn(port, "cockpit", "auditor");
    auditor.waitFor(By.xpath("//*[normalize-space(.)='Running Process Instances']"));
    auditor.screenshot("dashboard");
    assertHeaderNamesTheCouncil(auditor, "Cockpit");
    assertNoBanner(auditor);
    // The auditors' plugins still load with the council's configuration.
    auditor.waitFor(By.xpath("//a[normalize-space(.)='Coproduction audit']"));
  }

  @Test
  @Screenshots("webapps-admin")
  void adminNamesTheCouncilAndShowsNoBanner() {
    Browser admin = browsers.signIn(port, "admin", "admin");
    admin.waitFor(By.xpath("//a[normalize-space(.)='Users']"));
    admin.screenshot("dashboard");
    assertHeaderNamesTheCouncil(admin, "Admin");
    assertNoBanner(admin);
  }

  private static void assertHeaderNamesTheCouncil(Browser browser, String app) {
    WebElement brand = browser.waitFor(By.cssSelector(".navbar-brand"));
    assertThat(brand.getText().trim()).isEqualTo(COUNCIL + " " + app);
    assertThat(browser.driver().getTitle()).startsWith(COUNCIL + " " + app);
  }

  private static void assertNoBanner(Browser browser) {
    assertThat(visible(browser, By.cssSelector(".ce-eol-banner"))).as("the banner").isEmpty();
    assertThat(browser.pageText()).doesNotContain("Camunda 8", "migrate");
  }

  private static List<WebElement> visible(Browser browser, By by) {
    return browser.driver().findElements(by).stream().filter(WebElement::isDisplayed).toList();
  }
}
