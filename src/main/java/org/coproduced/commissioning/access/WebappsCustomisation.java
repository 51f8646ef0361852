package org.coproduced.commissioning.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Makes Tasklist, Cockpit and Admin fit for a council: the council's name in each header, no
 * advertisement for another product, and no "Create task" unless the council wants free-standing
 * tasks. The webapps read {@code scripts/config.js} and {@code styles/user-styles.css} of each
 * app at start; these answers replace the empty ones in the Camunda webjar, because a property
 * (the council's name) cannot go into a static file.
 */
@RestController
public class WebappsCustomisation {

  /** Camunda 7 Community Edition always shows this banner; no configuration turns it off. */
  static final String BANNER_RULE = ".ce-eol-banner { display: none !important; }\n";
  /** Tasklist's navigation entry for free-standing tasks (its view id is the class). */
  static final String CREATE_TASK_RULE = ".create-task-action { display: none !important; }\n";

  private static final String APPS = "{app:tasklist|cockpit|admin}";
  private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
  private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

  private final ObjectMapper json = new ObjectMapper();
  private final String councilName;
  private final boolean createTaskEnabled;

  public WebappsCustomisation(@Value("${coproduction.webapps.council-name}") String councilName,
      @Value("${coproduction.webapps.create-task-enabled}") boolean createTaskEnabled) {
    this.councilName = councilName;
    this.createTaskEnabled = createTaskEnabled;
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/" + APPS + "/scripts/config.js")
  public ResponseEntity<String> config(@PathVariable String app) throws JsonProcessingException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("app", Map.of("name", appName(app), "vendor", councilName));
    if (app.equals("cockpit")) {
      // The auditors' plugins: see coproduction-audit/plugin.js and the README's "Auditors".
      config.put("customScripts", List.of("scripts/coproduction-audit/plugin.js"));
    }
    // JSON is a JavaScript object literal, with the council's name safely quoted.
    return fresh(JAVASCRIPT, "export default " + json.writeValueAsString(config) + ";\n");
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/" + APPS + "/styles/user-styles.css")
  public ResponseEntity<String> styles(@PathVariable String app) {
    String css = BANNER_RULE;
    if (app.equals("tasklist") && !createTaskEnabled) {
      css += CREATE_TASK_RULE;
    }
    return fresh(CSS, css);
  }

  private static String appName(String app) {
    return Character.toUpperCase(app.charAt(0)) + app.substring(1);
  }

  /** Asked again at each start of a webapp, so a changed property shows without clearing caches. */
  private static ResponseEntity<String> fresh(MediaType type, String body) {
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(body);
  }
}
