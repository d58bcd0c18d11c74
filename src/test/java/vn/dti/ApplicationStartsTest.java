package vn.dti;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnEmbeddedPostgresWithSeedsLoaded() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        // the seeds' 25 Bắc Ninh and 33 Đắk Lắk units and 11 sets, plus the test province's 7 units and 1 set
        assertThat(jdbc.queryForObject("select count(*) from unit where province_code <> 'TN'", Integer.class))
                .isEqualTo(58);
        assertThat(jdbc.queryForObject("select count(*) from indicator_set where province_code <> 'TN'",
                Integer.class)).isEqualTo(11);
    }
}
