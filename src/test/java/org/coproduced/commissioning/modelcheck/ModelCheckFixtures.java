package org.coproduced.commissioning.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The hand-written models in {@code src/test/resources/modelcheck/{broken,valid}}. */
final class ModelCheckFixtures {

  static final String BROKEN = "modelcheck/broken";
  static final String VALID = "modelcheck/valid";

  private ModelCheckFixtures() {}

  /** Fixture names (file name without {@code .bpmn}, also the process id), sorted. */
  static List<String> names(String folder) {
    try (Stream<Path> files = Files.list(directory(folder))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".bpmn"))
          .map(name -> name.substring(0, name.length() - ".bpmn".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String folder, String name) {
    return folder + "/" + name + ".bpmn";
  }

  static Path file(String folder, String name) {
    return directory(folder).resolve(name + ".bpmn");
  }

  static BpmnModelInstance read(String folder, String name) {
    try (InputStream in =
        ModelCheckFixtures.class.getClassLoader().getResourceAsStream(resource(folder, name))) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + resource(folder, name));
      }
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a {@code camunda:property} to an element of a model built in a test. */
  static BpmnModelInstance mark(BpmnModelInstance model, String elementId, String name, String value) {
    BaseElement element = model.getModelElementById(elementId);
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      element.setExtensionElements(extensions);
    }
    List<CamundaProperties> existing =
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list();
    CamundaProperties properties =
        existing.isEmpty()
            ? extensions.addExtensionElement(CamundaProperties.class)
            : existing.get(0);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(name);
    property.setCamundaValue(value);
    properties.getCamundaProperties().add(property);
    return model;
  }

  private static Path directory(String folder) {
    try {
      return Path.of(ModelCheckFixtures.class.getClassLoader().getResource(folder).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
