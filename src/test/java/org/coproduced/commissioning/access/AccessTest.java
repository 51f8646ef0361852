package org.coproduced.commissioning.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coproduced.commissioning.support.ApplicationTest;

/**
 * The whole application on a random port in its default (demo) profile. Every test class with
 * this annotation shares one Spring context.
 *
 * <p>It is {@code support.ApplicationTest} itself, so the two share one context and cannot drift
 * apart into a second one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
public @interface AccessTest {}
