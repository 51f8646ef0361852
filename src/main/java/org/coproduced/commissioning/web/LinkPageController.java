package org.coproduced.commissioning.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the pages behind the links in messages. They need no sign-in: the token in the
 * address is the only key. They are kept out of caches and search engines
 * ({@link LinkPageHeaders}), and their problems are shown by {@link PageErrors} in the links' own
 * plain look, saying that nothing was recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface LinkPageController {}
