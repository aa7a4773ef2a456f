package io.eventplatform.support.databrowser;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The data browser of every domain service, under its short name ({@code room-service} → {@code room}). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DataSource.class)
public class DataBrowserAutoConfiguration {

    @Bean
    DataBrowserController dataBrowserController(JdbcTemplate jdbc, Environment environment) {
        String name = environment.getProperty("spring.application.name", "service").replaceFirst("-service$", "");
        return new DataBrowserController(new DataBrowser(jdbc), name);
    }
}
