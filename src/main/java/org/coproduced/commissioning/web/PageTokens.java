package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One unguessable token per session for the forms on the application's pages: a post without it
 * did not come from a page we showed to this person, so it changes nothing.
 */
public final class PageTokens {

  private static final String TOKEN = "coproduction.pageToken";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PageTokens() {}

  public static String token(HttpSession session) {
    Object token = session.getAttribute(TOKEN);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      session.setAttribute(TOKEN, token);
    }
    return token.toString();
  }

  public static void require(HttpSession session, String token) {
    if (token == null || !token.equals(session.getAttribute(TOKEN))) {
      throw PageException.forbidden();
    }
  }
}
