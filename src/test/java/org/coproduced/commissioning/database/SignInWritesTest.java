package org.coproduced.commissioning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-ins live in the database so that every node knows them; a request writes to them only
 * what it changed. Checked on the stored rows: Tasklist's requests leave them as they were, a
 * sign-in Camunda refreshes in place is written back, and the time of the last request moves on
 * once it is a minute old.
 */
@ApplicationTest
class SignInWritesTest {

  private static final String SIGN_IN = "authenticatedUser";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  @Test
  void tasklistRequestsOfASignedInPersonWriteNothing() {
    WebSession browser = new WebSession(port).signIn("tasklist", "commissioner");
    String session = newestSignIn();
    long lastAccess = lastAccess(session);
    Map<String, byte[]> attributes = attributes(session);

    for (int i = 0; i < 5; i++) {
      assertSignedInAs(browser, "commissioner");
      HttpResponse<String> filters = browser.get("/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=50");
      assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    }

    assertThat(lastAccess(session)).as("time of the last request, written at most once a minute").isEqualTo(lastAccess);
    assertThat(attributes(session)).as("sign-in and CSRF token unchanged").containsOnlyKeys(attributes.keySet())
        .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(attributes.get(name)));
  }

  @Test
  void theTimeOfTheLastRequestMovesOnOnceItIsAMinuteOld() {
    WebSession browser = new WebSession(port).signIn("tasklist", "commissioner");
    String session = newestSignIn();
    long twoMinutesAgo = System.currentTimeMillis() - 120_000;
    jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE session_id = ?").params(twoMinutesAgo, session)
        .update();

    assertSignedInAs(browser, "commissioner");

    assertThat(lastAccess(session)).isGreaterThan(twoMinutesAgo + 60_000);
    assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = ?")
        .param(session).query(Long.class).single()).as("signed in for 30 minutes from then").isEqualTo(30 * 60_000L);
  }

  @Test
  void aSignInCamundaRefreshesInPlaceIsWrittenBackWithItsNewGroups() throws Exception {
    WebSession browser = new WebSession(port).signIn("tasklist", "commissioner");
    String session = newestSignIn();
    assertThat(storedGroups(session)).doesNotContain("signInWritesTest");
    identity.saveGroup(identity.newGroup("signInWritesTest"));
    identity.createMembership("commissioner", "signInWritesTest");
    try {
      // Camunda's webapps look a sign-in's groups up again once its cache is 5 minutes old.
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 6 * 60_000));
      assertSignedInAs(browser, "commissioner");
    } finally {
      ClockUtil.reset();
      identity.deleteMembership("commissioner", "signInWritesTest");
      identity.deleteGroup("signInWritesTest");
    }

    assertThat(storedGroups(session)).as("what every other node reads").contains("signInWritesTest");
  }

  private static void assertSignedInAs(WebSession browser, String userId) {
    HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(who.body()).contains(userId);
  }

  private String newestSignIn() {
    return jdbc.sql("SELECT s.session_id FROM spring_session s JOIN spring_session_attributes a"
            + " ON a.session_primary_id = s.primary_id AND a.attribute_name = ? ORDER BY s.creation_time DESC")
        .param(SIGN_IN).query(String.class).list().get(0);
  }

  private long lastAccess(String session) {
    return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(session)
        .query(Long.class).single();
  }

  private Map<String, byte[]> attributes(String session) {
    Map<String, byte[]> found = new java.util.HashMap<>();
    jdbc.sql("SELECT a.attribute_name, a.attribute_bytes FROM spring_session_attributes a JOIN spring_session s"
            + " ON a.session_primary_id = s.primary_id WHERE s.session_id = ?")
        .param(session).query((row, n) -> found.put(row.getString(1), row.getBytes(2))).list();
    return found;
  }

  private List<String> storedGroups(String session) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(attributes(session).get(SIGN_IN)))) {
      Authentications stored = (Authentications) in.readObject();
      return stored.getAuthentications().get(0).getGroupIds();
    }
  }
}
