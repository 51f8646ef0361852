package org.coproduced.commissioning.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** One free port for the tests' GreenMail server, chosen once, so mail test classes share a context. */
public final class TestMailServer {

  public static final int PORT = freePort();

  private TestMailServer() {}

  /** A GreenMail server on the port, fresh (and empty) for each test. */
  public static GreenMailExtension extension() {
    return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(true);
  }

  /** Points {@code spring.mail} at the test server. */
  public static class PointSpringMailAtIt implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT).applyTo(context);
    }
  }

  /**
   * A port below Linux's ephemeral range (32768 and up). A port the system hands out as free is
   * taken from that range, the same one every outgoing connection's local port comes from: with the
   * server stopped between tests, a database connection could take it, and the next test's server
   * could not start.
   */
  private static int freePort() {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("No free port for the test mail server", last);
  }
}
