package org.coproduced.commissioning.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The outbox as coordinators and administrators see it: every message, whether it was sent, and
 * why not. In the demo it also shows each message as the demo mail server received it, links
 * and all, so the walkthrough can be followed without a mail program. When the database is away
 * it asks people to try again, as every page does ({@code web/PageErrors}).
 */
@PageController
public class MailPageController {

  private static final int SHOWN = 300;

  private final WebUsers users;
  private final MessageOutbox outbox;
  private final ObjectProvider<MailCopies> copies;

  public MailPageController(WebUsers users, MessageOutbox outbox, ObjectProvider<MailCopies> copies) {
    this.users = users;
    this.outbox = outbox;
    this.copies = copies;
  }

  @GetMapping("/app/mail")
  public String outbox(HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    model.addAttribute("messages", outbox.recent(SHOWN));
    model.addAttribute("copiesKept", copies.getIfAvailable() != null);
    return "outbox";
  }

  @GetMapping("/app/mail/{id}")
  public String message(@PathVariable long id, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    OutboxMessage message = outbox.find(id).orElseThrow(() -> PageException.notFound("that message"));
    model.addAttribute("message", message);
    MailCopies mailCopies = copies.getIfAvailable();
    model.addAttribute("copy", mailCopies == null ? null
        : outbox.mailMessageIdOf(id).flatMap(mailCopies::find).orElse(null));
    model.addAttribute("copiesKept", mailCopies != null);
    return "outbox-message";
  }
}
