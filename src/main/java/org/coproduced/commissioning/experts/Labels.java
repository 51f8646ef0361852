package org.coproduced.commissioning.experts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Plain-English words for the short codes stored in the tables, for the pages (as {@code @labels}). */
@Component("labels")
public class Labels {

  private static final Map<String, String> CHANNELS = Map.of(
      "TASKLIST", "signs in to Tasklist",
      "EMAIL", "email",
      "POST", "letters by post",
      "PHONE", "phone calls");

  private static final String LABELLER = Labels.class.getName() + ".areas";

  private final LivedExperienceAreas areas;

  public Labels(LivedExperienceAreas areas) {
    this.areas = areas;
  }

  /** The coordinators' own names for the areas, from the managed list. */
  public String livedExperience(Collection<String> codes) {
    return codes.stream().map(labeller()).collect(Collectors.joining(", "));
  }

  /**
   * The areas' labels, read once per page request: a page may label hundreds of experts, and
   * each would otherwise read the list again.
   */
  @SuppressWarnings("unchecked")
  private UnaryOperator<String> labeller() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return areas.labeller();
    }
    Object read = request.getAttribute(LABELLER, RequestAttributes.SCOPE_REQUEST);
    if (read == null) {
      read = areas.labeller();
      request.setAttribute(LABELLER, read, RequestAttributes.SCOPE_REQUEST);
    }
    return (UnaryOperator<String>) read;
  }

  public String livedExperience(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? "" : livedExperience(List.of(commaSeparated.split(",")));
  }

  public String channel(Object channel) {
    return CHANNELS.getOrDefault(String.valueOf(channel), String.valueOf(channel).toLowerCase());
  }
}
