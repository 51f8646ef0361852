package org.coproduced.commissioning.modelcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds every expression in a BPMN file: any attribute or text holding {@code ${...}} or
 * {@code #{...}}, wherever it is (delegate expressions, listeners, conditions, multi-instance
 * collections, timers, input and output parameters, assignees, retry cycles...). Reading the XML
 * rather than the model API's typed elements means an element kind nobody thought of is not missed.
 * The diagram and documentation are skipped.
 */
final class ModelExpressions {

  private ModelExpressions() {}

  static List<ModelExpression> in(Path model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Element root = factory.newDocumentBuilder().parse(model.toFile()).getDocumentElement();
      List<ModelExpression> found = new ArrayList<>();
      collect(model.getFileName().toString(), root, root.getAttribute("id"), found);
      return found;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + model, e);
    }
  }

  private static void collect(String model, Element element, String enclosingId, List<ModelExpression> found) {
    String name = element.getLocalName();
    if (name.startsWith("BPMN") || name.equals("documentation")) {
      return;
    }
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      Node attribute = element.getAttributes().item(i);
      if (isExpression(attribute.getNodeValue())) {
        found.add(new ModelExpression(model, id, name + "@" + attribute.getLocalName(), attribute.getNodeValue()));
      }
    }
    String place = element.hasAttribute("name") ? name + "[" + element.getAttribute("name") + "]" : name;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue().trim();
        if (isExpression(text)) {
          found.add(new ModelExpression(model, id, place, text));
        }
      } else if (child instanceof Element nested) {
        collect(model, nested, id, found);
      }
    }
  }

  private static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }
}
