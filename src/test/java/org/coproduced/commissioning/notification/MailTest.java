package org.coproduced.commissioning.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduced.commissioning.support.ApplicationTest;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application (as {@link ApplicationTest}) with {@code spring.mail} pointed at a
 * GreenMail server on a free port ({@link TestMailServer}), and MockMvc for the link pages.
 * Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestMailServer.PointSpringMailAtIt.class)
public @interface MailTest {}
