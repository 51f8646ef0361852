package org.coproduced.commissioning.experts;

import java.time.LocalDate;
import java.util.Set;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sample expert pool for the demo: the six experts who can sign in to Tasklist, some new and
 * some experienced, one who prefers letters by post, and eight more reached by email or phone.
 * The names, contacts and addresses are invented.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "coproduction.demo.users-enabled", havingValue = "true")
public class DemoExpertPool {

  private static final Logger LOG = LoggerFactory.getLogger(DemoExpertPool.class);

  private final ExpertRepository experts;

  public DemoExpertPool(ExpertRepository experts) {
    this.experts = experts;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void createPool() {
    if (experts.count() > 0) {
      return;
    }
    LocalDate today = ProcessClock.today();
    add("EX-0001", "expert1", "Asha Patel", ContactChannel.TASKLIST, Set.of("homelessness", "mental-health"), "payment", true, null, today);
    add("EX-0002", "expert2", "Ben Carter", ContactChannel.TASKLIST, Set.of("drugs-alcohol", "offending", "homelessness"), "voucher", true, null, today);
    add("EX-0003", "expert3", "Chloe Evans", ContactChannel.TASKLIST, Set.of("domestic-abuse", "mental-health"), "training", false, "EX-0001", today);
    add("EX-0004", "expert4", "Dev Malik", ContactChannel.TASKLIST, Set.of("homelessness", "drugs-alcohol"), "payment", false, "EX-0002", today);
    add("EX-0005", "expert5", "Eileen Murphy", ContactChannel.POST, Set.of("homelessness", "mental-health", "offending"), "voucher", true, null, today);
    add("EX-0006", "expert6", "Femi Adeyemi", ContactChannel.TASKLIST, Set.of("offending", "drugs-alcohol", "mental-health"), "none", true, null, today);
    add("EX-0007", null, "Grace Lin", ContactChannel.PHONE, Set.of("domestic-abuse", "homelessness"), "payment", true, null, today);
    add("EX-0008", null, "Harry Walsh", ContactChannel.EMAIL, Set.of("drugs-alcohol", "mental-health"), "voucher", true, null, today);
    add("EX-0009", null, "Imani Brooks", ContactChannel.EMAIL, Set.of("offending", "homelessness"), "training", false, "EX-0006", today);
    add("EX-0010", null, "Jack Nowak", ContactChannel.PHONE, Set.of("mental-health", "domestic-abuse"), "payment", true, null, today);
    // Enough experienced people for the README's walkthrough to be followed a second time in one run.
    add("EX-0011", null, "Kemi Okoro", ContactChannel.EMAIL, Set.of("homelessness", "domestic-abuse", "mental-health"), "voucher", true, null, today);
    add("EX-0012", null, "Liam Reid", ContactChannel.EMAIL, Set.of("drugs-alcohol", "offending", "homelessness"), "payment", true, null, today);
    add("EX-0013", null, "Maya Singh", ContactChannel.PHONE, Set.of("mental-health", "offending", "drugs-alcohol"), "training", true, null, today);
    add("EX-0014", null, "Noah Price", ContactChannel.EMAIL, Set.of("domestic-abuse", "homelessness", "drugs-alcohol"), "payment", true, null, today);
    LOG.info("Created the demo expert pool of {} experts", experts.count());
  }

  private void add(String ref, String user, String name, ContactChannel channel, Set<String> areas,
      String recompense, boolean experienced, String buddy, LocalDate today) {
    String slug = name.toLowerCase().replace(' ', '.');
    experts.insert(new NewExpert(ref, user, name, slug + "@example.org", "01632 960" + ref.substring(4),
        ref.substring(5) + " Example Street, Exampletown EX1 1AA", channel, areas, recompense, true,
        today.minusMonths(6), today.plusMonths(6), today.minusMonths(1), today.plusMonths(5),
        "Demo wellbeing note for " + name + ": prefers morning sessions.", buddy, experienced, null));
  }
}
