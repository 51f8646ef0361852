package org.coproduced.commissioning.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for pieces of personal data in every text column of the database: the application's
 * tables ({@code CC_}), the engine's history ({@code ACT_HI_}), runtime ({@code ACT_RU_}) and
 * identity ({@code ACT_ID_}) tables. Works on H2 and PostgreSQL.
 */
public final class PersonalDataScan {

  private PersonalDataScan() {}

  /** Where any of the texts occur, as "TABLE.COLUMN contains text"; empty when nowhere. */
  public static List<String> find(JdbcClient jdbc, String tablePrefix, String... texts) {
    List<String> hits = new ArrayList<>();
    List<String[]> columns = jdbc.sql("""
            SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS
            WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND UPPER(TABLE_NAME) LIKE ?
              AND UPPER(DATA_TYPE) IN ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'TEXT')""")
        .param(tablePrefix.toUpperCase(Locale.ROOT) + "%")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] column : columns) {
      for (String text : texts) {
        long count = jdbc.sql("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE LOWER(CAST(\"" + column[1]
                + "\" AS VARCHAR)) LIKE ?")
            .param("%" + text.toLowerCase(Locale.ROOT) + "%").query(Long.class).single();
        if (count > 0) {
          hits.add((column[0] + "." + column[1]).toUpperCase(Locale.ROOT) + " contains " + text);
        }
      }
    }
    return hits;
  }
}
