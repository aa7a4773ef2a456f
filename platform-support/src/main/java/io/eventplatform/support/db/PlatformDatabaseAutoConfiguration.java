package io.eventplatform.support.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Database plumbing of a domain service: the library's own tables migrate next to the service's. */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(FlywayMigrationStrategy.class)
public class PlatformDatabaseAutoConfiguration {

    /**
     * Migrates both histories at start ({@code platform.db.migrate-at-start}, default true: the local stack); with
     * false — production, where {@code db migrate} runs before the rollout — only validates them, so a service
     * never starts on a schema its code does not match.
     */
    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformSchemaMigration(Environment environment) {
        boolean migrate = environment.getProperty("platform.db.migrate-at-start", Boolean.class, true);
        return migrate ? new PlatformSchemaMigration() : PlatformSchemaMigration::validateOnly;
    }
}
