package vn.dti.drills;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.dti.framework.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, failure 3: the embedded PostgreSQL trusted every local connection as superuser and ran with fsync off.
 * Now: scram-sha-256 with a generated secret in an owner-only file, pg_hba.conf tested by connecting, fsync and
 * full-page writes on, loopback only and no Unix socket; a restart, a cluster of the old version and a rotated secret.
 */
class EmbeddedDatabaseDrillTest {

    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "dti-postgres-binaries");
    /** What the previous version's {@code initdb -A trust} wrote: every local connection trusted. */
    private static final String OLD_TRUST_RULES = """
            local   all             all                                     trust
            host    all             all             127.0.0.1/32            trust
            host    all             all             ::1/128                 trust
            """;

    private Path parent;
    private Path data;

    @BeforeEach
    void directories() throws IOException {
        // Not @TempDir: its 700 mode would keep out the unprivileged user PostgreSQL runs as under root.
        parent = Files.createTempDirectory("dti-drill-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        data = parent.resolve("pg");
    }

    @AfterEach
    void removeDirectories() throws IOException {
        FileSystemUtils.deleteRecursively(parent);
    }

    @Test
    void onlyTheSecretOpensTheServerWhichSyncsEveryCommitAndListensOnLoopbackOnly() throws Exception {
        Path secretFile = EmbeddedPostgresServer.passwordFile(data);
        try (EmbeddedPostgresServer server = start()) {
            assertThat(secretFile).isEqualTo(parent.resolve("pg.password")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
            assertThat(Files.getOwner(secretFile).getName()).isEqualTo(System.getProperty("user.name"));
            assertThat(server.password()).isEqualTo(Files.readString(secretFile).strip()).hasSizeGreaterThan(30);

            try (Connection connection = connect(server, server.password())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(connection, "unix_socket_directories")).as("no Unix socket at all").isEmpty();
                assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
                assertThat(rules(connection)).containsExactly("host all all 127.0.0.1 scram-sha-256");
                assertThat(query(connection, "select rolpassword from pg_authid where rolname = 'postgres'"))
                        .startsWith("SCRAM-SHA-256$");
                connection.createStatement().execute("create table kept (name text)");
                connection.createStatement().execute("insert into kept values ('Sở Tài chính')");
            }
            assertRefused(server, null);
            assertRefused(server, "");
            assertRefused(server, server.password() + "x");
        }

        try (EmbeddedPostgresServer restarted = start();
             Connection connection = connect(restarted, restarted.password())) {
            assertThat(query(connection, "select name from kept")).isEqualTo("Sở Tài chính");
            assertThat(rules(connection)).containsExactly("host all all 127.0.0.1 scram-sha-256");
            assertRefused(restarted, null);
        }
    }

    @Test
    void aClusterOfThePreviousVersionIsSecuredAtItsFirstStart() throws Exception {
        Path secretFile = EmbeddedPostgresServer.passwordFile(data);
        String first;
        try (EmbeddedPostgresServer server = start(); Connection connection = connect(server, server.password())) {
            first = server.password();
            connection.createStatement().execute("create table kept (name text)");
            connection.createStatement().execute("insert into kept values ('UBND huyện Một')");
            // As the old version left it: no password, every local connection trusted, no secret file.
            connection.createStatement().execute("alter role postgres password null");
        }
        Files.writeString(data.resolve("pg_hba.conf"), OLD_TRUST_RULES, StandardCharsets.UTF_8);
        Files.delete(secretFile);

        try (EmbeddedPostgresServer upgraded = start()) {
            assertThat(upgraded.password()).isNotEqualTo(first);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
            try (Connection connection = connect(upgraded, upgraded.password())) {
                assertThat(query(connection, "select name from kept")).isEqualTo("UBND huyện Một");
                assertThat(rules(connection)).containsExactly("host all all 127.0.0.1 scram-sha-256");
            }
            assertRefused(upgraded, null);
            assertRefused(upgraded, first);
        }
    }

    @Test
    void aSecretWrittenIntoTheFileReplacesTheOldOneAtTheNextStart() throws Exception {
        Path secretFile = EmbeddedPostgresServer.passwordFile(data);
        String old;
        try (EmbeddedPostgresServer server = start()) {
            old = server.password();
        }
        String rotated = "mat-khau-moi-cua-van-hanh-0123456789";
        Files.writeString(secretFile, rotated + "\n", StandardCharsets.UTF_8);

        try (EmbeddedPostgresServer server = start(); Connection connection = connect(server, rotated)) {
            assertThat(query(connection, "select current_user")).isEqualTo("postgres");
            assertRefused(server, old);
        }

        // A secret others may have read is not used: the start stops and says how to mend it.
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(this::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600 " + secretFile);
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(data, BINARIES, 0, "dti", false);
    }

    private static Connection connect(EmbeddedPostgresServer server, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("dti"), server.username(), password);
    }

    /** Refused by the server: pgjdbc only asks for a password, or reports it wrong, when the server demands one. */
    private static void assertRefused(EmbeddedPostgresServer server, String password) {
        assertThatThrownBy(() -> connect(server, password).close()).as("password %s", password)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        .as(e.getMessage()).isIn("28P01", "08004"));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        return query(connection, "show " + name);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    /** pg_hba.conf as the server reads it, one line per rule; a line it could not read fails the test. */
    private static List<String> rules(Connection connection) throws SQLException {
        List<String> rules = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("select type, array_to_string(database, ','),"
                + " array_to_string(user_name, ','), address, auth_method, error from pg_hba_file_rules")) {
            while (rows.next()) {
                assertThat(rows.getString(6)).as("pg_hba.conf error").isNull();
                rules.add(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return rules;
    }
}
