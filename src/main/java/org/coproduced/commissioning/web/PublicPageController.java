package org.coproduced.commissioning.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the public pages under {@code /public}: anyone may read them, signed in or not,
 * so they show only what was published on purpose. Their problems are shown by {@link PageErrors}
 * in the public pages' own look, with nothing about sign-in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PublicPageController {}
