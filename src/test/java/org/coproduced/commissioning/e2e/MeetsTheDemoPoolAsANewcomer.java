package org.coproduced.commissioning.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A browser test class that expects the demo pool as a newcomer meets it, before any other test
 * has invited, booked or paid an expert: who is proposed depends on that. {@link SharedContextFirst}
 * runs it first in the shared context. Only one class can be first, so at most one carries this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MeetsTheDemoPoolAsANewcomer {}
