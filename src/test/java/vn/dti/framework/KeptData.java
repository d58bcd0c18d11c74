package vn.dti.framework;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import vn.dti.DtiPlatformApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A data directory that outlives the application runs started on it, as a server's does across restarts: each run is
 * a whole application (its PostgreSQL on this directory, its own embedded engine). Deleted when closed.
 */
public final class KeptData implements AutoCloseable {

    private final Path directory;

    public KeptData(String prefix) throws IOException {
        this.directory = Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /** One run; close it before the next (several embedded engines in one JVM answer each other's workers). */
    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DtiPlatformApplication.class).profiles("test")
                .run("--server.port=0", "--dti.embedded-postgres.data-dir=" + directory.resolve("pg"),
                        "--dti.embedded-postgres.temporary=false");
    }

    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(directory);
    }
}
