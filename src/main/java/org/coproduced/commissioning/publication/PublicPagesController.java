package org.coproduced.commissioning.publication;

import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.PublicPageController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages: every published cycle, a page for each, and their Atom feed. Nobody signs in.
 * A cycle whose summary is not published (never, not yet, or withdrawn) is not found, exactly as
 * one that does not exist, so nobody can tell the two apart.
 */
@PublicPageController
public class PublicPagesController {

  private final PublicSummaries summaries;
  private final AtomFeed feed;

  public PublicPagesController(PublicSummaries summaries, AtomFeed feed) {
    this.summaries = summaries;
    this.feed = feed;
  }

  @GetMapping({"/public", "/public/", "/public/cycles"})
  public String index(Model model) {
    model.addAttribute("cycles", summaries.published());
    return "public/index";
  }

  @GetMapping("/public/cycles/{cycleId}")
  public String cycle(@PathVariable long cycleId, Model model) {
    model.addAttribute("cycle", summaries.published(cycleId)
        .orElseThrow(() -> PageException.notFound("that page")));
    return "public/cycle";
  }

  @GetMapping("/public/feed.atom")
  public ResponseEntity<String> feed() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
        .body(feed.of(summaries.published()));
  }
}
