package io.eventplatform.support.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/** Database plumbing of a domain service: the library's own tables migrate next to the service's. */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(FlywayMigrationStrategy.class)
public class PlatformDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformSchemaMigration() {
        return new PlatformSchemaMigration();
    }
}
