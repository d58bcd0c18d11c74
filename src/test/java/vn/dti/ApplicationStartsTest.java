package vn.dti;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnEmbeddedPostgresWithSeedsLoaded() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from unit", Integer.class)).isEqualTo(58);
        assertThat(jdbc.queryForObject("select count(*) from indicator_set", Integer.class)).isEqualTo(11);
    }
}
