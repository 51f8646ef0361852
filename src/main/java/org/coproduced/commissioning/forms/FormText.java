package org.coproduced.commissioning.forms;

/**
 * Text that people typed, made safe to show inside a Camunda Form's text view. Those views
 * render Markdown and then HTML, so a name like {@code <b>Open Door</b>} or {@code **Open Door**}
 * would otherwise be shown as formatting, not as what was typed.
 */
public final class FormText {

  private FormText() {}

  /**
   * Escapes every ASCII punctuation character with a backslash, which Markdown (CommonMark) shows
   * as the character itself; the renderer then writes {@code <}, {@code >} and {@code &} as
   * entities, so the text appears exactly as typed.
   */
  public static String literal(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && isPunctuation(c)) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static boolean isPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
}
