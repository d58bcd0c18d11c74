package vn.dti.framework;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        // Not @TempDir: its 700 mode would keep out the unprivileged user PostgreSQL runs as under root.
        Path parent = Files.createTempDirectory("dti-restart-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path data = parent.resolve("pg");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "dti-postgres-binaries");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, binaries, 0, "dti", false);
             Connection connection = DriverManager.getConnection(server.jdbcUrl("dti"), server.username(), server.password())) {
            connection.createStatement().execute("create table kept (name text)");
            connection.createStatement().execute("insert into kept values ('Sở Tài chính')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, binaries, 0, "dti", true);
             Connection connection = DriverManager.getConnection(server.jdbcUrl("dti"), server.username(), server.password())) {
            ResultSet rows = connection.createStatement().executeQuery("select name from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Sở Tài chính");
        }
        assertThat(data).doesNotExist();
        Files.delete(parent);
    }
}
