package org.coproduced.commissioning.web;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Plain-English words for the short codes stored in the tables, for the pages (as {@code @labels}). */
@Component("labels")
public class Labels {

  private static final Map<String, String> LIVED_EXPERIENCE = Map.of(
      "homelessness", "homelessness",
      "drugs-alcohol", "drugs or alcohol",
      "mental-health", "mental ill health",
      "offending", "prison, probation or the justice system",
      "domestic-abuse", "domestic abuse");

  private static final Map<String, String> CHANNELS = Map.of(
      "TASKLIST", "signs in to Tasklist",
      "EMAIL", "email",
      "POST", "letters by post",
      "PHONE", "phone calls");

  public String livedExperience(Collection<String> areas) {
    return areas.stream().map(a -> LIVED_EXPERIENCE.getOrDefault(a, a)).collect(Collectors.joining(", "));
  }

  public String livedExperience(String commaSeparated) {
    return commaSeparated == null ? "" : livedExperience(java.util.List.of(commaSeparated.split(",")));
  }

  public String channel(Object channel) {
    return CHANNELS.getOrDefault(String.valueOf(channel), String.valueOf(channel).toLowerCase());
  }
}
