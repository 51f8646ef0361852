package org.coproduced.commissioning.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers a test opens, one per person. Screenshots go to {@code target/e2e-screenshots/}
 * as {@code <test>-<step number>-<user>-<step>.png} ({@code <test>} is the
 * test's {@link Screenshots} name), so that sorted by name they tell the story
 * in order. When a test fails, every open browser's screen and page are saved as
 * {@code ...-failed}; all browsers are closed after each test.
 */
final class Browsers implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  private final List<Browser> open = new ArrayList<>();
  private Shots screenshots;

  /** A new browser signed in to a webapp ("tasklist", "cockpit") as a demo user. */
  Browser signIn(int port, String app, String user) {
    Browser browser = Browser.signIn(port, app, user, screenshots);
    open.add(browser);
    return browser;
  }

  /** A new browser nobody signed in to, named for screenshots as {@code who}. */
  Browser signedOut(int port, String who) {
    Browser browser = Browser.signedOut(port, who, screenshots);
    open.add(browser);
    return browser;
  }

  /** A new browser of someone not signed in. */
  Browser anonymous(int port) {
    Browser browser = Browser.anonymous(port, screenshots);
    open.add(browser);
    return browser;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    org.coproduced.commissioning.e2e.Screenshots name =
        context.getRequiredTestMethod().getAnnotation(org.coproduced.commissioning.e2e.Screenshots.class);
    screenshots = new Shots(name != null ? name.value() : context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      for (Browser browser : open) {
        try {
          browser.screenshot("failed");
          browser.savePage("failed");
        } catch (RuntimeException e) {
          context.getExecutionException().get().addSuppressed(e);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Browser browser : open) {
      browser.close();
    }
    open.clear();
  }

  /** Numbers the screenshots of one test across all its browsers. */
  static final class Shots {
    private final String test;
    private int count;

    Shots(String test) {
      this.test = test;
      // Screenshots of an earlier run of the same test would mix with this run's.
      try (var old = Files.exists(SCREENSHOTS) ? Files.list(SCREENSHOTS) : java.util.stream.Stream.<Path>empty()) {
        old.filter(path -> path.getFileName().toString().startsWith(test + "-")).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Path next(String user, String step, String extension) {
      try {
        Files.createDirectories(SCREENSHOTS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return SCREENSHOTS.resolve(String.format("%s-%02d-%s-%s.%s", test, ++count, user, step, extension));
    }
  }
}
