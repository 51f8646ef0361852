package org.coproduced.commissioning.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The short name a browser test's screenshots start with (otherwise the test method's name). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Screenshots {
  String value();
}
