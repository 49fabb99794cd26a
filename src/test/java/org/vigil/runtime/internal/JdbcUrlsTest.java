package org.vigil.runtime.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another database of the same server keeps the URL's hosts and settings (DATA-16: restores and drills). */
class JdbcUrlsTest {

    @Test
    void data16_anotherDatabaseKeepsHostsAndParameters() {
        String url = "jdbc:postgresql://db1.example.internal:5432,db2.example.internal:5432/vigil?sslmode=verify-full&targetServerType=primary";

        assertThat(JdbcUrls.database(url)).isEqualTo("vigil");
        assertThat(JdbcUrls.withDatabase(url, "vigil_drill_20261202_140530")).isEqualTo(
                "jdbc:postgresql://db1.example.internal:5432,db2.example.internal:5432/vigil_drill_20261202_140530"
                        + "?sslmode=verify-full&targetServerType=primary");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres", "copy"))
                .isEqualTo("jdbc:postgresql://localhost:5432/copy");
    }

    @Test
    void data16_aUrlWithoutADatabaseIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> JdbcUrls.database("jdbc:postgresql://localhost:5432/?password=secret"))
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JdbcUrls.database("jdbc:mysql://localhost/x?password=secret"))
                .hasMessageNotContaining("secret");
    }
}
