package org.coproduced.commissioning.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduced.commissioning.support.ApplicationTest;

/**
 * A test of the mail the application sends: the whole application as {@link ApplicationTest},
 * whose context already points {@code spring.mail} at a GreenMail server on a free port
 * ({@link TestMailServer}, which the class starts with {@code TestMailServer.extension()}) and
 * offers MockMvc for the link pages. Kept as a name so a reader sees which tests read mail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
public @interface MailTest {}
