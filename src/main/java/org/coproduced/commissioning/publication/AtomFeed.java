package org.coproduced.commissioning.publication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.coproduced.commissioning.notification.MessageProperties;
import org.springframework.stereotype.Component;

/**
 * The Atom feed of published cycles, newest first, so residents and groups can follow them in a
 * feed reader. Written with an XML writer, which escapes every text: a title typed with
 * {@code <} or {@code &} stays text and the feed stays valid.
 */
@Component
class AtomFeed {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private final MessageProperties properties;

  AtomFeed(MessageProperties properties) {
    this.properties = properties;
  }

  String of(List<PublicCycle> cycles) {
    String base = properties.publicUrl().replaceAll("/+$", "");
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "title", "We asked, you said, we did: " + properties.councilName());
      text(xml, "id", base + "/public/feed.atom");
      link(xml, base + "/public/feed.atom", "self");
      link(xml, base + "/public/cycles", "alternate");
      text(xml, "updated", cycles.isEmpty() ? Instant.EPOCH.toString() : time(cycles.get(0).publishedAt()));
      xml.writeStartElement("author");
      text(xml, "name", properties.councilName());
      xml.writeEndElement();
      for (PublicCycle cycle : cycles) {
        String page = base + "/public/cycles/" + cycle.cycleId();
        xml.writeStartElement("entry");
        text(xml, "title", cycle.title());
        text(xml, "id", page);
        link(xml, page, "alternate");
        text(xml, "updated", time(cycle.publishedAt()));
        text(xml, "summary", cycle.stoppedReason() == null ? cycle.purpose()
            : cycle.purpose() + " This work stopped: " + cycle.stoppedReason());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The feed could not be written", e);
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }

  private static String time(Instant at) {
    return (at == null ? Instant.EPOCH : at).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
