package vn.dti.framework;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default run mode's database: a real PostgreSQL started with the application. Setting
 * {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) switches to an external server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.binaryCache(), properties.port(),
                properties.database(), properties.temporary());
    }

    /** Declared after the server it depends on, so Spring closes the pool before it stops the server. */
    @Bean
    HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(properties.database()));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
