package org.coproduced.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each {@code cc_*} table has one owning feature, and only that feature's code names it: every
 * other feature asks the owner. SQL naming another feature's table is coupling the compiler cannot
 * see, so this reads the main sources (table names live in SQL strings, which no class file
 * analysis sees) and fails on any table named outside its owner, or on a table with no owner.
 * The owner is one package (not its subpackages): {@code cc_invitation} belongs to
 * {@code involvement/invitation}, and {@code involvement/matching} asks it.
 */
class TableOwnershipTest {

  private static final Path MAIN_SOURCES = Path.of("src/main/java/org/coproduced/commissioning");

  private static final Pattern TABLE = Pattern.compile("\\bcc_[a-z0-9_]+\\b", Pattern.CASE_INSENSITIVE);

  /** Each table and the package that owns it. */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("cc_cycle", "cycle"),
      Map.entry("cc_specification_review", "cycle"),
      Map.entry("cc_mediation_meeting", "cycle"),
      Map.entry("cc_specification_answer", "cycle"),
      Map.entry("cc_tender", "procurement"),
      Map.entry("cc_bid", "procurement"),
      Map.entry("cc_bid_score", "procurement"),
      Map.entry("cc_interest_declaration", "procurement"),
      Map.entry("cc_award_explanation", "procurement"),
      Map.entry("cc_assessment_summary", "procurement"),
      Map.entry("cc_standstill_challenge", "procurement"),
      Map.entry("cc_scoring_panel_change", "procurement"),
      Map.entry("cc_expert", "experts"),
      Map.entry("cc_lived_experience_area", "experts"),
      Map.entry("cc_involvement_request", "involvement"),
      Map.entry("cc_invitation", "involvement/invitation"),
      Map.entry("cc_contribution", "involvement/contribution"),
      Map.entry("cc_recompense", "involvement/recompense"),
      Map.entry("cc_check_in", "involvement/aftercare"),
      Map.entry("cc_peer_research_ask", "involvement/peerresearch"),
      Map.entry("cc_peer_researcher", "involvement/peerresearch"),
      Map.entry("cc_session_experience", "involvement/aftercare"),
      Map.entry("cc_written_contribution", "involvement/written"),
      Map.entry("cc_feedback", "feedback"),
      Map.entry("cc_public_summary", "publication"),
      Map.entry("cc_public_contribution", "publication"),
      Map.entry("cc_public_event", "publication"),
      Map.entry("cc_message", "notification"),
      Map.entry("cc_link_token", "notification"),
      Map.entry("cc_step_back", "stepback"));

  @Test
  void everyTableIsNamedOnlyInItsOwningFeature() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : mainSources()) {
      String feature = packageOf(file);
      for (String table : tablesNamedIn(file)) {
        String owner = OWNERS.get(table);
        if (owner == null) {
          violations.add(relative(file) + " names " + table + ", which has no owner in OWNERS");
        } else if (!owner.equals(feature)) {
          violations.add(relative(file) + " names " + table + ", which belongs to " + owner
              + ": ask " + owner + "'s repository instead");
        }
      }
    }
    assertThat(violations).as("tables named outside their owning feature").isEmpty();
  }

  @Test
  void theScanSeesTheTablesAndTheirOwners() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Path file : mainSources()) {
      named.addAll(tablesNamedIn(file));
    }
    assertThat(named).as("every owned table is used somewhere, so the scan reads the sources")
        .containsExactlyInAnyOrderElementsOf(OWNERS.keySet());
  }

  private static List<Path> mainSources() throws IOException {
    assertThat(MAIN_SOURCES).as("run from the project directory").isDirectory();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static Set<String> tablesNamedIn(Path file) throws IOException {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = TABLE.matcher(Files.readString(file));
    while (matcher.find()) {
      tables.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  /** The package under the root, as a path: {@code involvement/matching} for {@code involvement/matching/X.java}. */
  private static String packageOf(Path file) {
    Path parent = MAIN_SOURCES.relativize(file).getParent();
    return parent == null ? "" : parent.toString().replace('\\', '/');
  }

  private static String relative(Path file) {
    return MAIN_SOURCES.relativize(file).toString();
  }
}
