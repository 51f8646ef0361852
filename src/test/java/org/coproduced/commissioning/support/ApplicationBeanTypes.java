package org.coproduced.commissioning.support;

import java.util.HashMap;
import java.util.Map;
import org.coproduced.commissioning.CoproducedCommissioningApplication;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The class of each of the application's components by bean name, read from the class path as
 * Spring's component scan would name them, without starting Spring. The model tests mock these
 * classes so that the methods a model calls exist on the mock.
 */
final class ApplicationBeanTypes {

  private static Map<String, Class<?>> types;

  private ApplicationBeanTypes() {}

  /** The class of the component with this bean name, or null if the application has none. */
  static synchronized Class<?> typeOf(String beanName) {
    if (types == null) {
      types = scan();
    }
    return types.get(beanName);
  }

  private static Map<String, Class<?>> scan() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> found = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(
        CoproducedCommissioningApplication.class.getPackageName())) {
      found.put(names.generateBeanName(candidate, registry),
          ClassUtils.resolveClassName(candidate.getBeanClassName(), ApplicationBeanTypes.class.getClassLoader()));
    }
    return found;
  }
}
