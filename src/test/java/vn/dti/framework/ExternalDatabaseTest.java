package vn.dti.framework;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting {@code spring.datasource.url} (SPRING_DATASOURCE_URL) is the only change needed to use another PostgreSQL:
 * the embedded one is then not started, and Flyway builds the schema in the external database.
 */
@SpringBootTest
@ActiveProfiles("test")
// Its own configuration makes its own application, engine included: closed after it, so that the engines of one
// test JVM do not run side by side (the in-process engine answers job activations wrongly when several do).
@DirtiesContext
class ExternalDatabaseTest {

    private static final Path PARENT = parentDirectory();
    private static final EmbeddedPostgresServer EXTERNAL = EmbeddedPostgresServer.start(PARENT.resolve("pg"),
            Path.of(System.getProperty("java.io.tmpdir"), "dti-postgres-binaries"), 0, "external", true);

    @DynamicPropertySource
    static void pointAtTheExternalServer(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL.jdbcUrl("external"));
        registry.add("spring.datasource.username", EXTERNAL::username);
        registry.add("spring.datasource.password", EXTERNAL::password);
    }

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void stop() throws IOException {
        EXTERNAL.close();
        Files.delete(PARENT);
    }

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        try (Connection connection = DriverManager.getConnection(EXTERNAL.jdbcUrl("external"), EXTERNAL.username(), EXTERNAL.password());
             ResultSet units = connection.createStatement().executeQuery("select count(*) from unit")) {
            units.next();
            assertThat(units.getInt(1)).isGreaterThanOrEqualTo(58);
        }
    }

    /** Enterable by others: under root, PostgreSQL runs as an unprivileged user. */
    private static Path parentDirectory() {
        try {
            return Files.createTempDirectory("dti-external-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
