package org.coproduced.commissioning.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as people meet it in the demo, on a random port, for tests in a real browser:
 * the demo schedule (no minimum notice, sessions a minute after the invitations close) and the
 * job executor on, as {@code ./mvnw spring-boot:run} runs it. Its own in-memory database keeps it
 * apart from the other tests' context. Browser test classes share this one context (CockpitE2E
 * and PublicPageE2E have a database of their own, see there, and run after the others: see
 * {@link SharedContextFirst}). Without Chromium and chromedriver the tests fail at
 * once, saying what to install.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("demo")
@ExtendWith(BrowserInstalled.class)
public @interface BrowserTest {

  /**
   * For test classes whose data must not meet the others' (see CockpitE2E): a database of their
   * own, and a demo mail server of their own. Two contexts run side by side in one test JVM; on one
   * mail port, a mail page would show the other context's copy, whose links that database has never
   * issued.
   */
  String DATABASE_OF_ITS_OWN = "spring.datasource.url=jdbc:h2:mem:e2e-cockpit;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
  String MAIL_SERVER_OF_ITS_OWN = "spring.mail.port=3026";
}
