package org.coproduced.commissioning.procurement;

/** How much each criterion counts, in percent; they add up to 100. */
public record Weightings(int quality, int coproduction, int socialValue, int price) {

  public static final int MINIMUM_SOCIAL_VALUE = 10;

  public int total() {
    return quality + coproduction + socialValue + price;
  }
}
