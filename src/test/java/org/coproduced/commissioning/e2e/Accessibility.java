package org.coproduced.commissioning.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core, the accessibility checker, on the page a browser shows, and lists what it finds
 * (WCAG 2.1 A and AA rules, and its best practices). The script comes from the test classpath
 * (Deque's axe-core jar), so nothing is fetched while testing.
 */
final class Accessibility {

  private static final String AXE = load();

  private Accessibility() {}

  /** Each violation as "rule: what it means (how many elements)"; empty when the page passes. */
  static List<String> violations(WebDriver driver) {
    return check(driver, null);
  }

  /**
   * The violations inside the elements {@code selector} finds: for a plugin of ours inside a
   * Camunda webapp, whose own markup is not ours to fix. Fails when nothing matches, so a
   * renamed element cannot make the check pass by checking nothing.
   */
  static List<String> violationsWithin(WebDriver driver, String selector) {
    Long found = (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelectorAll(arguments[0]).length;", selector);
    if (found == null || found == 0) {
      throw new AssertionError("nothing on the page matches " + selector + " to check");
    }
    return check(driver, selector);
  }

  @SuppressWarnings("unchecked")
  private static List<String> check(WebDriver driver, String selector) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(AXE);
    Object result = js.executeAsyncScript("""
        const selector = arguments[0];
        const done = arguments[arguments.length - 1];
        axe.run(selector ? {include: [[selector]]} : document,
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ') at '
              + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""", selector);
    return (List<String>) result;
  }

  private static String load() {
    try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
