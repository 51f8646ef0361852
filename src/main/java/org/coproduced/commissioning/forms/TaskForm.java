package org.coproduced.commissioning.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads and checks the values a person submitted with a task form.
 *
 * <p>Every check fails with a {@link FormInputException} in plain English, so a refused form
 * changes nothing. Values whose key starts with {@code private} are personal words of an expert:
 * {@link #takePrivateText} removes them from the engine once read, so they only ever live in the
 * application's own tables (see {@code privacy.PrivateVariableHistoryFilter}).
 */
public final class TaskForm {

  public static final int SHORT_TEXT = 200;
  public static final int LONG_TEXT = 4000;

  private final VariableScope scope;

  private TaskForm(VariableScope scope) {
    this.scope = scope;
  }

  public static TaskForm of(VariableScope scope) {
    return new TaskForm(scope);
  }

  /** An id the process holds (stored as a Long; Tasklist may send Integers). */
  public long id(String key) {
    Object raw = scope.getVariable(key);
    if (raw instanceof Number number) {
      return number.longValue();
    }
    if (raw instanceof String text && !text.isBlank()) {
      return Long.parseLong(text.trim());
    }
    throw new IllegalStateException("The process has no id in variable '" + key + "'");
  }

  /** A text the process holds (not typed by the person), or {@code null}. */
  public String processText(String key) {
    Object raw = scope.getVariable(key);
    return raw == null ? null : raw.toString();
  }

  /** A text the person must give, at most {@code maxLength} characters, trimmed. */
  public String requiredText(String key, String label, int maxLength) {
    String value = optionalText(key, label, maxLength);
    if (value == null) {
      throw new FormInputException("Please fill in \"" + label + "\".");
    }
    return value;
  }

  /** A text the person may leave empty (then {@code null}), at most {@code maxLength} characters. */
  public String optionalText(String key, String label, int maxLength) {
    Object raw = scope.getVariable(key);
    return checkedText(raw, label, maxLength);
  }

  /** Reads a private text and removes it from the engine, so it is never stored there. */
  public String takePrivateText(String key, String label, int maxLength) {
    if (!key.startsWith("private")) {
      throw new IllegalArgumentException("Only keys starting with 'private' are personal text: " + key);
    }
    Object raw = scope.getVariable(key);
    scope.removeVariable(key);
    return checkedText(raw, label, maxLength);
  }

  /** One of the given choices. */
  public String requiredChoice(String key, String label, String... allowed) {
    String value = requiredText(key, label, SHORT_TEXT);
    if (!Arrays.asList(allowed).contains(value)) {
      throw new FormInputException("Please choose one of the options for \"" + label + "\".");
    }
    return value;
  }

  /** A whole number between {@code min} and {@code max}. */
  public int requiredWholeNumber(String key, String label, int min, int max) {
    Integer value = optionalWholeNumber(key, label, min, max);
    if (value == null) {
      throw new FormInputException("Please fill in \"" + label + "\".");
    }
    return value;
  }

  /** A whole number between {@code min} and {@code max}, or {@code null} when left empty. */
  public Integer optionalWholeNumber(String key, String label, int min, int max) {
    BigDecimal value = optionalAmount(key, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new FormInputException("\"" + label + "\" must be a whole number.");
    }
    return value.intValueExact();
  }

  /** An amount (for example pounds) between {@code min} and {@code max}, or {@code null}. */
  public BigDecimal optionalAmount(String key, String label, BigDecimal min, BigDecimal max) {
    Object raw = scope.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal value;
    try {
      value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw new FormInputException("\"" + label + "\" must be a number.");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new FormInputException(
          "\"" + label + "\" must be between " + min.toPlainString() + " and " + max.toPlainString() + ".");
    }
    return value;
  }

  /** A date the person must give (Camunda Forms send dates as {@code 2026-12-05}). */
  public LocalDate requiredDate(String key, String label) {
    Object raw = scope.getVariable(key);
    if (raw == null || raw.toString().isBlank()) {
      throw new FormInputException("Please fill in \"" + label + "\".");
    }
    if (raw instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
    try {
      String text = raw.toString().trim();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new FormInputException("\"" + label + "\" must be a date, for example 2026-12-05.");
    }
  }

  /** A ticked checkbox the person must tick. */
  public void requireTicked(String key, String label) {
    if (!isTicked(key)) {
      throw new FormInputException("Please tick \"" + label + "\".");
    }
  }

  public boolean isTicked(String key) {
    Object raw = scope.getVariable(key);
    return Boolean.TRUE.equals(raw) || "true".equals(raw);
  }

  /** The values of a checklist (Tasklist sends them as a Json list), at least one. */
  public List<String> requiredList(String key, String label, List<String> allowed) {
    Object raw = scope.getVariable(key);
    List<String> values = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> values.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (raw instanceof List<?> list) {
      list.forEach(e -> values.add(String.valueOf(e)));
    } else if (raw instanceof String s && !s.isBlank()) {
      values.addAll(Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList());
    }
    if (values.isEmpty()) {
      throw new FormInputException("Please choose at least one option for \"" + label + "\".");
    }
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw new FormInputException("Please choose only the options shown for \"" + label + "\".");
      }
    }
    return values;
  }

  private static String checkedText(Object raw, String label, int maxLength) {
    if (raw == null) {
      return null;
    }
    String value = raw.toString().trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new FormInputException(
          "\"" + label + "\" is too long: please keep it under " + maxLength + " characters (it has "
              + value.length() + ").");
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new FormInputException("\"" + label + "\" contains characters that cannot be stored. Please retype it.");
    }
    return value;
  }
}
