package org.coproduced.commissioning.plainenglish;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The words a person reads in a Camunda Form or a message template, one block per line. A fact
 * filled in when the message is made (an expression) counts as one short word: its words are the
 * writer's, not the template's.
 */
final class TextOf {

  private TextOf() {}

  /** Labels, descriptions, texts and the options to choose from, of every field of a form. */
  static String form(JsonNode form) {
    StringBuilder text = new StringBuilder();
    collect(form, text);
    return text.toString();
  }

  private static void collect(JsonNode node, StringBuilder text) {
    for (JsonNode component : node.path("components")) {
      for (String property : new String[] {"label", "description", "text"}) {
        String value = component.path(property).asText("");
        if (!value.isBlank()) {
          text.append(markdown(value)).append('\n');
        }
      }
      for (JsonNode option : component.path("values")) {
        text.append(option.path("label").asText("")).append('\n');
      }
      collect(component, text);
    }
  }

  /** Form texts are Markdown with expressions such as {{ cycleTitle }} or =expressions. */
  private static String markdown(String value) {
    if (value.startsWith("=")) {
      return "it";
    }
    return value.replaceAll("\\{\\{[^}]*}}", "it").replaceAll("[#*_>`\\[\\]]", " ")
        .replaceAll("\\((https?|/)[^)]*\\)", " ");
  }

  /** A Thymeleaf template, HTML or text: tags and directives removed, expressions as one word. */
  static String template(String source) {
    return source
        .replaceFirst("^Subject: ", "")
        .replaceAll("(?s)<head.*?</head>", "\n")
        .replaceAll("(?s)<style.*?</style>", "\n")
        // an element whose words are replaced by an expression shows the expression's words
        .replaceAll("(?s)<(\\w+)[^>]*\\bth:u?text=\"[^\"]*\"[^>]*>[^<]*</\\1>", " it ")
        .replaceAll("(?s)<\\w+[^>]*\\bth:(case|if|unless)=[^>]*>", "\n")
        .replaceAll("(?s)<(p|h\\d|li|div|tr|td|th|br|main|header|footer|section|form|label|button|table|ul|ol|dt|dd)\\b[^>]*>", "\n")
        .replaceAll("(?s)<[^>]*>", " ")
        .replaceAll("\\[\\(.*?\\)]|\\[\\[.*?]]", " it ")
        // each branch of a th:if or th:switch is read on its own
        .replaceAll("\\[#[^]]*]|\\[/]", "\n")
        .replaceAll("&[a-z]+;|&#\\d+;", " ")
        .replaceAll("[ \\t]+", " ");
  }
}
