package org.coproduced.commissioning.e2e;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The order of the browser test classes: first the one that meets the demo pool as a newcomer
 * ({@link MeetsTheDemoPoolAsANewcomer}), then the others sharing the one {@link BrowserTest}
 * context, and last those with a database of their own (see {@link BrowserTest#DATABASE_OF_ITS_OWN}).
 *
 * <p>Why the own-database classes go last: the Camunda webapps and the engine's REST API find
 * their engine by name in the engine's static registry, and every Spring context registers its
 * engine as "default". Once a second context has started, Tasklist and Cockpit served by the first
 * one act on the second one's engine and database, while that test's own beans still read the
 * first: a cycle started in Tasklist is then not found, and a task made through the Java API is not
 * listed. Set as {@code junit.jupiter.testclass.order.default} in the e2e profile of the pom.
 */
public class SharedContextFirst implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> place(c.getTestClass()))
        .thenComparing(c -> c.getTestClass().getSimpleName()));
  }

  private static int place(Class<?> testClass) {
    if (testClass.isAnnotationPresent(MeetsTheDemoPoolAsANewcomer.class)) {
      return 0;
    }
    TestPropertySource properties = testClass.getAnnotation(TestPropertySource.class);
    boolean databaseOfItsOwn = properties != null
        && Arrays.asList(properties.properties()).contains(BrowserTest.DATABASE_OF_ITS_OWN);
    return databaseOfItsOwn ? 2 : 1;
  }
}
