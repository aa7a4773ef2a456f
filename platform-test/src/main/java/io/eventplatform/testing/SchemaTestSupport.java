package io.eventplatform.testing;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of a service's schema test: the service's context on a fresh database (migrated by its Flyway), with the
 * schema reader and plain JDBC at hand. One context per service, shared with its other non-web tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithRealInfrastructure(kafka = true)
public abstract class SchemaTestSupport {

    @Autowired
    protected DataSource dataSource;

    protected DatabaseSchema schema() {
        return new DatabaseSchema(dataSource);
    }

    protected JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
