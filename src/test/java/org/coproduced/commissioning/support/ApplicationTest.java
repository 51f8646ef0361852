package org.coproduced.commissioning.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduced.commissioning.notification.TestMailServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application (on a random port) on its default embedded database with the demo users and expert pool;
 * the job executor is off so tests run timers themselves. Every test class with this annotation
 * shares one Spring context. That context also has MockMvc and {@code spring.mail} pointed at the
 * mail tests' GreenMail port ({@link TestMailServer}; nothing listens there unless a test starts
 * the server), so the mail tests need no second context: a context start is the dearest thing in
 * the test run. The tag lets the PostgreSQL execution pick the tests that use the database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestMailServer.PointSpringMailAtIt.class)
@ExtendWith(ProcessAssertions.class)
@Tag(ApplicationTest.TAG)
public @interface ApplicationTest {

  /** The JUnit tag of tests that run the whole application on its database. */
  String TAG = "application";
}
