package org.coproduced.commissioning.procurement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods the Procurement Act 2023 sets after a contract is entered into.
 *
 * @param contractDetailsDays days after the contract date by which the contract details notice is
 *     due (30 in the Act; also used below the threshold, where the Act says "as soon as reasonably practicable")
 * @param contractDetailsLightTouchDays the same for light-touch contracts (120 in the Act)
 * @param contractDetailsReminderDays days before the due date that the commissioner is reminded
 */
@ConfigurationProperties("coproduction.procurement")
public record ProcurementProperties(int contractDetailsDays, int contractDetailsLightTouchDays,
    int contractDetailsReminderDays) {

  public ProcurementProperties {
    if (contractDetailsDays < 1 || contractDetailsLightTouchDays < 1) {
      throw new IllegalArgumentException("coproduction.procurement.contract-details-days and "
          + "contract-details-light-touch-days must be at least 1");
    }
    if (contractDetailsReminderDays < 0) {
      throw new IllegalArgumentException("coproduction.procurement.contract-details-reminder-days cannot be negative");
    }
  }

  /** Days after the contract date that the details notice is due on this route. */
  public int contractDetailsDays(ProcurementRoute route) {
    return route == ProcurementRoute.LIGHT_TOUCH ? contractDetailsLightTouchDays : contractDetailsDays;
  }
}
