package org.coproduced.commissioning.involvement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an invitation says when people may be asked to talk about their own experiences: that they
 * only share what they want to, that they can stop at any time, the support on offer and that a
 * coordinator will check in with them afterwards. Councils set {@code support} to what they offer.
 *
 * @param support the support on offer at and after such a session, in one or two plain sentences
 */
@ConfigurationProperties("coproduction.wellbeing")
public record WellbeingSupport(
    @DefaultValue("A coordinator will be there all through the session if you want to talk to someone, and you "
        + "can take a break whenever you need one.") String support) {

  /** The words every invitation to such a session carries, the same in the email, on the page and in Tasklist. */
  public String invitationNote() {
    return "At this session you may be asked to talk about your own experiences. Only share what you feel "
        + "comfortable sharing. You can stop at any time, and you do not need to say why. " + support.strip()
        + " After the session, a coordinator will get in touch to see how you are.";
  }
}
