package org.coproduced.commissioning.plainenglish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch reading ease of a text: 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables
 * per word). 60 to 70 is plain English; 80 and more is easy. A line ends a sentence (a heading
 * or a label needs no full stop), as do . ! and ?. Syllables are counted by the usual rule of
 * thumb (groups of vowels, less a silent final e), as reading-ease tools do. The plain-English
 * tests measure forms and messages with it; listeners check texts people write for others with it.
 */
public final class ReadingEase {

  /** Plain English scores at least this; the tests hold what an expert reads to it. */
  public static final double PLAIN = 60;

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");
  private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

  private ReadingEase() {}

  /** The score of a text, or 100 for a text with no words. */
  public static double of(String text) {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    for (String line : text.split("\\R")) {
      for (String sentence : SENTENCE_END.split(line)) {
        List<String> found = words(sentence);
        if (found.isEmpty()) {
          continue;
        }
        sentences++;
        words += found.size();
        for (String word : found) {
          syllables += syllables(word);
        }
      }
    }
    if (words == 0) {
      return 100;
    }
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
  }

  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  public static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.length() <= 3) {
      return 1;
    }
    w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "x").replaceAll("^y", "");
    Matcher matcher = VOWELS.matcher(w);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return Math.max(1, count);
  }
}
