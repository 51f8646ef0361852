package org.coproduced.commissioning.experts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.springframework.stereotype.Component;

/** Plain-English words for the short codes stored in the tables, for the pages (as {@code @labels}). */
@Component("labels")
public class Labels {

  private static final Map<String, String> CHANNELS = Map.of(
      "TASKLIST", "signs in to Tasklist",
      "EMAIL", "email",
      "POST", "letters by post",
      "PHONE", "phone calls");

  private final LivedExperienceAreas areas;

  public Labels(LivedExperienceAreas areas) {
    this.areas = areas;
  }

  /** The coordinators' own names for the areas, from the managed list. */
  public String livedExperience(Collection<String> codes) {
    return codes.stream().map(areas::labelOf).collect(Collectors.joining(", "));
  }

  public String livedExperience(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? "" : livedExperience(List.of(commaSeparated.split(",")));
  }

  public String channel(Object channel) {
    return CHANNELS.getOrDefault(String.valueOf(channel), String.valueOf(channel).toLowerCase());
  }
}
