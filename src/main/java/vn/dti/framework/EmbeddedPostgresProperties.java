package vn.dti.framework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL of the default run mode. Unused when {@code spring.datasource.url} is set.
 *
 * @param dataDir     where the cluster lives; kept across restarts
 * @param binaryCache where the PostgreSQL binaries are unpacked once
 * @param port        0 picks a free port at each start
 * @param database    the application's database, created on first start
 * @param temporary   delete the data directory when the application stops (tests)
 */
@ConfigurationProperties("dti.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Path binaryCache, int port, String database, boolean temporary) {

    public EmbeddedPostgresProperties {
        dataDir = dataDir != null ? dataDir : Path.of("data", "postgres");
        binaryCache = binaryCache != null ? binaryCache
                : Path.of(System.getProperty("java.io.tmpdir"), "dti-postgres-binaries");
        database = database != null ? database : "dti";
    }
}
