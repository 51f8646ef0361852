package org.coproduced.commissioning.experts;

import java.util.List;
import java.util.Locale;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.coproduced.commissioning.forms.FormInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The managed list of lived-experience areas (table {@code cc_lived_experience_area}). Codes are
 * what experts and requests store, so an area is retired rather than deleted.
 */
@Repository
public class LivedExperienceAreas {

  private final JdbcClient jdbc;

  public LivedExperienceAreas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every area, retired ones included, in the order forms show them. */
  public List<LivedExperienceArea> all() {
    return jdbc.sql("SELECT code, label, position, active FROM cc_lived_experience_area ORDER BY position, code")
        .query((rs, n) -> new LivedExperienceArea(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
        .list();
  }

  public List<LivedExperienceArea> active() {
    return all().stream().filter(LivedExperienceArea::active).toList();
  }

  /** The codes a form may send: only areas still in use. */
  public List<String> activeCodes() {
    return active().stream().map(LivedExperienceArea::code).toList();
  }

  /**
   * Turns codes into the labels people see, reading the areas once: for pages that label hundreds
   * of experts. A code that is unknown stays as it is, as with {@link #labelOf}.
   */
  public java.util.function.UnaryOperator<String> labeller() {
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    all().forEach(area -> labels.putIfAbsent(area.code(), area.label()));
    return code -> labels.getOrDefault(code, code);
  }

  /** The label people see for a code (the code itself for one that is unknown). */
  public String labelOf(String code) {
    return all().stream().filter(a -> a.code().equals(code)).map(LivedExperienceArea::label).findFirst().orElse(code);
  }

  /** The active areas as options of a Camunda Forms checklist ({@code valuesKey}). */
  public JsonValue formOptions() {
    SpinJsonNode options = Spin.JSON("[]");
    for (LivedExperienceArea area : active()) {
      options.append(Spin.JSON("{}").prop("label", area.label()).prop("value", area.code()));
    }
    return SpinValues.jsonValue(options.toString()).create();
  }

  /**
   * Adds an area, or brings back a retired one with a new label. The code is made from the label:
   * "Leaving care" becomes {@code leaving-care}.
   */
  public LivedExperienceArea add(String label) {
    String trimmed = label == null ? "" : label.trim();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      throw new FormInputException("Please give the area a name of up to 200 characters.");
    }
    String code = trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (code.isEmpty() || code.length() > 40) {
      throw new FormInputException("Please give the area a shorter name, in letters and numbers.");
    }
    int updated = jdbc.sql("UPDATE cc_lived_experience_area SET label = ?, active = TRUE WHERE code = ?")
        .params(trimmed, code).update();
    if (updated == 0) {
      int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 10 FROM cc_lived_experience_area")
          .query(Integer.class).single();
      jdbc.sql("INSERT INTO cc_lived_experience_area (code, label, position, active) VALUES (?, ?, ?, TRUE)")
          .params(code, trimmed, position).update();
    }
    return all().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
  }

  /** Stops offering an area in forms; experts and requests that have it keep it. */
  public void retire(String code) {
    jdbc.sql("UPDATE cc_lived_experience_area SET active = FALSE WHERE code = ?").param(code).update();
  }
}
