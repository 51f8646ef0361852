package org.coproduced.commissioning.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium, signed in to one Camunda webapp, with the steps people take in
 * Tasklist and Cockpit: choose a filter, open a task, fill in its Camunda Form, complete it.
 * Every step can be saved as a screenshot under {@code target/e2e-screenshots/}.
 *
 * <p>Selenium is pointed at Debian's {@code chromium} and {@code chromium-driver} so that it
 * downloads nothing; other paths can be given with {@code -De2e.chromium=...} and
 * {@code -De2e.chromedriver=...}.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Tasklist and Cockpit are AngularJS apps that keep rendering after a page has loaded. */
  private static final long SETTLE_MILLIS = 1500;
  /** Longer than form-js waits after typing before it takes the value. */
  private static final long FORM_JS_DEBOUNCE_MILLIS = 400;

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private final String baseUrl;
  private final String user;
  private final Browsers.Shots screenshots;

  private Browser(int port, String user, Browsers.Shots screenshots) {
    requireInstalled();
    try {
      profile = Files.createTempDirectory("e2e-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1440,1200", "--lang=en-GB",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, WAIT);
    this.baseUrl = "http://localhost:" + port;
    this.user = user;
    this.screenshots = screenshots;
  }

  /**
   * Fails, rather than skipping, when the browser is missing: a browser test that quietly does
   * not run proves nothing.
   */
  static void requireInstalled() {
    if (!Files.isExecutable(Path.of(CHROMIUM))) {
      throw new IllegalStateException("Chromium not found at " + CHROMIUM
          + ": install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    }
    if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("chromedriver not found at " + CHROMEDRIVER
          + ": install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    }
  }

  /** A browser of someone who does not sign in: an expert following a link in a message. */
  static Browser signedOut(int port, String who, Browsers.Shots screenshots) {
    return new Browser(port, who, screenshots);
  }

  /** Opens a webapp's sign-in page and signs in as a demo user. */
  static Browser signIn(int port, String app, String user, Browsers.Shots screenshots) {
    Browser browser = new Browser(port, user, screenshots);
    try {
      browser.go("/camunda/app/" + app + "/default/");
      browser.waitFor(By.cssSelector("input[type=password]"));
      browser.type(browser.driver.findElement(By.cssSelector("input[type=text]")), user);
      browser.type(browser.driver.findElement(By.cssSelector("input[type=password]")), "demo");
      browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
      browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
      browser.settle();
      return browser;
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
  }

  /** A browser of someone who is not signed in, as a member of the public reads the public pages. */
  static Browser anonymous(int port, Browsers.Shots screenshots) {
    return new Browser(port, "public", screenshots);
  }

  WebDriver driver() {
    return driver;
  }

  /** Makes the window as narrow as a phone's screen. */
  void phoneSize() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
    settle();
  }

  /** Replaces the text of a field on one of the application's own pages, found by its id. */
  void fillById(String id, String text) {
    WebElement field = waitFor(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Presses a button on one of the application's own pages and waits for the page it leads to. */
  void submit(String button) {
    click(waitFor(button(button)));
    settle();
  }

  void go(String path) {
    driver.get(baseUrl + path);
    settle();
  }

  /** Saves what the person sees now, named after the test, the step's number, the user and the step. */
  Path screenshot(String step) {
    try {
      Path target = screenshots.next(user, step, "png");
      File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the page's HTML beside the screenshots, to see why a step failed. */
  void savePage(String step) {
    try {
      Files.writeString(screenshots.next(user, step, "html"), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the whole page, as a person reads it. */
  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Every word on the page, including what is scrolled out of view inside a panel (which
   * {@link #pageText()} leaves out, as Selenium counts it as not displayed).
   */
  String allText() {
    return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return document.body.innerText || document.body.textContent;"));
  }

  /** Follows a link by its text. */
  void clickLink(String text) {
    click(waitFor(By.xpath("//a[normalize-space(.)=" + literal(text) + "]")));
    settle();
  }

  // ---- Tasklist ----

  /** Chooses one of the filters in Tasklist's left column, e.g. "My tasks". */
  void openFilter(String name) {
    WebElement filter = waitFor(By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')]"
        + "[.//a[normalize-space(text())=" + literal(name) + "]]"));
    click(filter.findElement(By.xpath(".//a")));
    settle();
  }

  /** The names of the tasks the chosen filter lists. */
  List<String> taskNames() {
    settle();
    return driver.findElements(By.cssSelector(".tasks-list li .names h4, .tasks-list li h4")).stream()
        .map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** What the chosen filter's list shows: each task's name and the filter's columns. */
  String taskListText() {
    settle();
    return driver.findElements(By.cssSelector(".tasks-list li")).stream().map(WebElement::getText)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** The ids of the tasks the chosen filter lists (each entry links to its task). */
  List<String> listedTaskIds() {
    settle();
    return driver.findElements(By.cssSelector(".tasks-list li a[href*='task=']")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*task=([^&]+).*", "$1")).distinct().toList();
  }

  /** The names of the filters in the left column. */
  List<String> filterNames() {
    return driver.findElements(By.cssSelector(".task-filter h4 a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\d+$", "").trim()).toList();
  }

  /** Opens a listed task, by clicking its entry in the list. */
  void openTask(String taskId) {
    click(waitFor(By.cssSelector(".tasks-list li a[href*='task=" + taskId + "']")));
    waitFor(By.cssSelector(".task-details .fjs-form"));
    settle();
  }

  /** Claims the open task if it is offered to a group rather than assigned to this person. */
  void claimIfOffered() {
    List<WebElement> claim = driver.findElements(By.xpath("//button[normalize-space(.)='Claim']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      click(claim.get(0));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[normalize-space(.)='Claim']")));
      settle();
    }
  }

  /** Opens "Start process" and chooses a process, which shows its start form. */
  void startProcess(String processName) {
    click(waitFor(By.xpath("//a[normalize-space(.)='Start process']")));
    click(waitFor(By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']")));
    waitFor(By.cssSelector(".fjs-form"));
    settle();
  }

  // ---- Camunda Forms (form-js) ----

  /** The form field whose label starts with the given text. */
  WebElement field(String label) {
    return waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
        + "[not(contains(@class, 'fjs-form-field-group'))]"
        + "[.//label[contains(@class, 'fjs-form-field-label')][starts-with(normalize-space(.), " + literal(label) + ")]]"));
  }

  /** Types into a text field or text area. */
  void fill(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    type(input, text);
  }

  /** Types a number into a number field. */
  void fill(String label, int number) {
    fill(label, String.valueOf(number));
  }

  /** Chooses an option of a drop-down list by the option's text. */
  void choose(String label, String option) {
    WebElement group = field(label).findElement(By.cssSelector(".fjs-input-group"));
    click(group);
    click(waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), "
        + literal(option) + ")]")));
  }

  /** Ticks the radio button or checklist box whose own label starts with the option's text. */
  void pick(String label, String option) {
    WebElement optionLabel = field(label).findElement(By.xpath(
        ".//label[starts-with(normalize-space(.), " + literal(option) + ")][@for]"));
    WebElement input = driver.findElement(By.id(optionLabel.getAttribute("for")));
    if (!input.isSelected()) {
      click(input);
    }
  }

  /** Ticks a single checkbox field. */
  void tick(String label) {
    WebElement input = field(label).findElement(By.cssSelector("input[type=checkbox]"));
    if (!input.isSelected()) {
      click(input);
    }
  }

  /** Types a date into a date field as form-js expects it (month/day/year), then Enter. */
  void date(String label, LocalDate date) {
    WebElement input = field(label).findElement(By.cssSelector("input"));
    click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(date.format(FORM_JS_DATE), Keys.ENTER);
    pause(FORM_JS_DEBOUNCE_MILLIS);
  }

  /** The value a form field shows. */
  String valueOf(String label) {
    return field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
  }

  /** The validation messages form-js shows under fields. */
  List<String> fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).filter(s -> !s.isBlank()).toList();
  }

  /** The validation message form-js shows under one field, or an empty text. */
  String fieldError(String label) {
    return field(label).findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).findFirst().orElse("");
  }

  /**
   * Presses the form's button ("Complete" on a task, "Start" on a start form), as a person
   * would: a disabled button does nothing.
   */
  void press(String button) {
    click(waitFor(button(button)));
    settle();
  }

  /** Whether a button can be pressed (Tasklist disables "Complete" while the form is invalid). */
  boolean buttonEnabled(String button) {
    WebElement element = waitFor(button(button));
    return element.isEnabled() && element.getAttribute("disabled") == null;
  }

  private static By button(String text) {
    return By.xpath("//button[normalize-space(.)=" + literal(text) + "]");
  }

  /** Waits until the open task has gone from the task pane (Tasklist shows it completed). */
  void waitUntilTaskClosed() {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details .fjs-form")));
    settle();
  }

  /** Waits for a notification (Tasklist's messages at the top right) containing the text. */
  String notificationContaining(String text) {
    return waitFor(By.xpath("//*[contains(@class,'notifications')]//*[contains(normalize-space(.), "
        + literal(text) + ")]")).getText();
  }

  // ---- plumbing ----

  WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void settle() {
    pause(SETTLE_MILLIS);
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    for (int attempt = 0; ; attempt++) {
      try {
        element.click();
        return;
      } catch (StaleElementReferenceException | org.openqa.selenium.ElementClickInterceptedException e) {
        if (attempt == 3) {
          throw e;
        }
        settle();
      }
    }
  }

  /**
   * Types as a person does: into the field, replacing what was there, then leaves the field.
   * Form-js takes a typed value into its state only after a short pause, and a change to another
   * field in that pause renders the form again with the old value; so each value is given time to
   * settle, read back, and typed again if it did not take.
   */
  private void type(WebElement input, String text) {
    for (int attempt = 1; ; attempt++) {
      click(input);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      pause(FORM_JS_DEBOUNCE_MILLIS);
      ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", input);
      pause(FORM_JS_DEBOUNCE_MILLIS);
      String shown = input.getAttribute("value");
      if (text.equals(shown)) {
        return;
      }
      if (attempt == 3) {
        throw new IllegalStateException("Typed '" + text + "' three times but the field shows '" + shown + "'");
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An XPath string literal for any text, quotes included. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary profile harms nothing.
      }
    }
  }
}
