package org.coproduced.commissioning.procurement;

import java.util.Arrays;

/**
 * How a challenge to the award during the standstill ended, when the award can go ahead. If it
 * cannot (a court set the decision aside, say), the commissioner stops the cycle instead.
 */
public enum ChallengeOutcome {
  WITHDRAWN("withdrawn", "The challenge was withdrawn"),
  SETTLED("settled", "The challenge was settled"),
  DISMISSED("dismissed", "The court dismissed the challenge"),
  SUSPENSION_LIFTED("suspension-lifted", "The court lifted the suspension of the award");

  private final String code;
  private final String inWords;

  ChallengeOutcome(String code, String inWords) {
    this.code = code;
    this.inWords = inWords;
  }

  public String inWords() {
    return inWords;
  }

  static String[] codes() {
    return Arrays.stream(values()).map(o -> o.code).toArray(String[]::new);
  }

  static ChallengeOutcome ofCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst().orElseThrow();
  }
}
