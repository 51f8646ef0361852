package org.coproduced.commissioning.notification;

import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Fills a message's two templates: {@code <name>.txt} (first line {@code Subject: ...}, then the
 * plain-text body) and {@code <name>.html}. The templates live in one folder
 * ({@code coproduction.messages.templates}) so a council can reword them; everything a person
 * typed is inserted as text, so markup in it shows as characters and never as HTML.
 */
@Component
public class MailTemplates {

  private static final String SUBJECT = "Subject:";

  /** A filled message. */
  public record Rendered(String subject, String text, String html) {}

  private final TemplateEngine text;
  private final TemplateEngine html;

  public MailTemplates(ApplicationContext context, MessageProperties properties) {
    this.text = engine(context, properties.templates(), ".txt", TemplateMode.TEXT);
    this.html = engine(context, properties.templates(), ".html", TemplateMode.HTML);
  }

  /** Fills {@code templates/mail/<template>.txt} and {@code .html} with the model. */
  public Rendered render(String template, Map<String, Object> model) {
    Context context = new Context(java.util.Locale.UK, model);
    String textPart = text.process(template, context).strip();
    if (!textPart.startsWith(SUBJECT)) {
      throw new IllegalStateException("Template " + template + ".txt must start with a 'Subject:' line");
    }
    int endOfLine = textPart.indexOf('\n');
    String subject = (endOfLine < 0 ? textPart : textPart.substring(0, endOfLine)).substring(SUBJECT.length());
    String body = endOfLine < 0 ? "" : textPart.substring(endOfLine + 1).strip();
    return new Rendered(subject.replaceAll("\\s+", " ").strip(), tidy(body) + "\n", html.process(template, context));
  }

  /** Templates leave blank lines where optional parts are left out: keep at most one. */
  private static String tidy(String body) {
    return body.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
  }

  private static TemplateEngine engine(ApplicationContext context, String prefix, String suffix, TemplateMode mode) {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setApplicationContext(context);
    resolver.setPrefix(prefix);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
