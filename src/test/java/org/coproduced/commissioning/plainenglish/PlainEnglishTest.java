package org.coproduced.commissioning.plainenglish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plain English, measured: the Flesch reading ease of every form's words and every message
 * template. Whatever an expert reads (their forms, the messages they get, the pages behind the
 * links in them) must score at least 65. Everything is measured and printed, so a change that
 * makes staff forms harder to read shows too.
 */
class PlainEnglishTest {

  static final double EXPERTS_READ_AT_LEAST = 65;
  /** A passage this long is measured on its own too, so one hard paragraph cannot hide in an easy page. */
  static final int PASSAGE_WORDS = 20;

  /** The forms of tasks an expert does (assigned to them in Tasklist). */
  static final Set<String> EXPERT_FORMS = Set.of("answer-invitation", "record-peer-research", "review-specification",
      "declare-interests", "score-bid", "acknowledge-feedback");
  /** The messages experts get; the rest (coordinator-notice, stage-summary) go to staff. */
  static final Set<String> EXPERT_MESSAGES = Set.of("invitation", "invitation-pack", "reminder", "feedback",
      "stage-update", "task-notice", "contact", "feedback-reply", "task-stepped-back", "task-reminder",
      "peer-research-called-off");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everythingAnExpertReadsIsPlainEnglish() throws IOException {
    Map<String, Double> scores = new LinkedHashMap<>();
    List<String> tooHard = new ArrayList<>();
    for (Path form : files(Path.of("forms"), ".form")) {
      String name = form.getFileName().toString().replace(".form", "");
      measure("form " + name, TextOf.form(json.readTree(form.toFile())), EXPERT_FORMS.contains(name), scores, tooHard);
    }
    for (Path template : files(Path.of("src/main/resources/templates/mail"), ".txt", ".html")) {
      String file = template.getFileName().toString();
      String name = file.substring(0, file.lastIndexOf('.'));
      measure("message " + file, TextOf.template(Files.readString(template)), EXPERT_MESSAGES.contains(name),
          scores, tooHard);
    }
    for (Path page : files(Path.of("src/main/resources/templates/links"), ".html")) {
      measure("link page " + page.getFileName(), TextOf.template(Files.readString(page)), true, scores, tooHard);
    }
    // The public pages are read by anyone: experts, residents, providers.
    for (Path page : files(Path.of("src/main/resources/templates/public"), ".html")) {
      measure("public page " + page.getFileName(), TextOf.template(Files.readString(page)), true, scores, tooHard);
    }
    scores.forEach((what, score) -> System.out.printf("reading ease %5.1f  %s%n", score, what));
    assertThat(scores).as("every form and template measured").hasSizeGreaterThan(40);
    assertThat(tooHard).as("what an expert reads scores at least %s (Flesch reading ease)", EXPERTS_READ_AT_LEAST)
        .isEmpty();
  }

  @Test
  void theMeasureTellsPlainFromHardEnglish() {
    assertThat(ReadingEase.of("Would you like to take part? Saying no is fine.")).isGreaterThan(80);
    assertThat(ReadingEase.of("Participation facilitates the co-production of commissioning "
        + "specifications, notwithstanding organisational considerations.")).isLessThan(0);
    assertThat(ReadingEase.syllables("invitation")).isEqualTo(4);
    assertThat(ReadingEase.syllables("take")).isEqualTo(1);
  }

  @Test
  void anExpertFormWithOneHardPassageWouldFail() throws IOException {
    String easy = "{\"type\":\"text\",\"text\":\"Would you like to take part? Saying no is fine. Tell us what you need.\"}";
    JsonNode form = json.readTree("{\"components\":[" + easy + "," + easy + "," + easy + "," + easy + "," + easy + ",{\"type\":\"text\","
        + "\"text\":\"Notwithstanding the aforementioned considerations, respondents' organisational affiliations "
        + "necessitate comprehensive declaration prior to the evaluation of any tender submissions by the "
        + "evaluation panel.\"}]}");
    Map<String, Double> scores = new LinkedHashMap<>();
    List<String> tooHard = new ArrayList<>();
    measure("form example", TextOf.form(form), true, scores, tooHard);
    assertThat(scores.get("form example (experts read it)")).as("the whole form is easy").isGreaterThan(65);
    assertThat(tooHard).singleElement().asString().contains("Notwithstanding");
  }

  private static void measure(String what, String text, boolean expertReads, Map<String, Double> scores,
      List<String> tooHard) {
    double score = ReadingEase.of(text);
    scores.put(what + (expertReads ? " (experts read it)" : ""), score);
    if (!expertReads) {
      return;
    }
    if (score < EXPERTS_READ_AT_LEAST) {
      tooHard.add(String.format("%s scores %.1f", what, score));
    }
    for (String passage : text.split("\\R")) {
      double passageScore = ReadingEase.of(passage);
      if (ReadingEase.words(passage).size() >= PASSAGE_WORDS && passageScore < EXPERTS_READ_AT_LEAST) {
        tooHard.add(String.format("%s: \"%s\" scores %.1f", what, passage.strip(), passageScore));
      }
    }
  }

  private static List<Path> files(Path folder, String... endings) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> Stream.of(endings).anyMatch(e -> f.toString().endsWith(e))).sorted().toList();
    }
  }
}
