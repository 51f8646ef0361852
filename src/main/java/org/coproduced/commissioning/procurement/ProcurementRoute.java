package org.coproduced.commissioning.procurement;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which rules of the Procurement Act 2023 a tender follows, chosen when it is published. The route
 * decides the steps after the award decision: assessment summaries and a contract award notice for
 * contracts above the threshold and light-touch contracts; a standstill that must be kept above the
 * threshold and may be kept (the commissioner chooses) for light-touch contracts; none of these for
 * contracts below the threshold. Every route ends with a contract details notice. The code is what
 * forms send and what the process holds ({@code procurementRoute}).
 */
public enum ProcurementRoute {
  ABOVE_THRESHOLD("above-threshold", "above the threshold"),
  LIGHT_TOUCH("light-touch", "light-touch"),
  BELOW_THRESHOLD("below-threshold", "below the threshold");

  private final String code;
  private final String inWords;

  ProcurementRoute(String code, String inWords) {
    this.code = code;
    this.inWords = inWords;
  }

  public String code() {
    return code;
  }

  public String inWords() {
    return inWords;
  }

  /** Assessment summaries and a contract award notice: the Act asks for both unless below the threshold. */
  public boolean needsAwardNotice() {
    return this != BELOW_THRESHOLD;
  }

  /** Whether the commissioner may choose not to keep a standstill (the Act makes it voluntary). */
  public boolean standstillVoluntary() {
    return this == LIGHT_TOUCH;
  }

  public static Optional<ProcurementRoute> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  /** Tenders recorded before routes existed are read as above the threshold, the strictest route. */
  public static ProcurementRoute ofStored(String name) {
    return name == null ? ABOVE_THRESHOLD : valueOf(name);
  }

  /** The codes, for a form's choice: "above-threshold", "light-touch", "below-threshold". */
  public static String[] codes() {
    return Arrays.stream(values()).map(ProcurementRoute::code).toArray(String[]::new);
  }
}
