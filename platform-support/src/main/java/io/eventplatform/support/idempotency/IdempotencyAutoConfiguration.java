package io.eventplatform.support.idempotency;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Idempotency-Key support for every POST of a service, stored in its own database ({@code idempotency_keys}).
 * Runs after the security filters, so the stored answer belongs to the authenticated caller.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DataSource.class)
public class IdempotencyAutoConfiguration {

    static final Duration KEEP = Duration.ofHours(24);

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc,
                                                                ObjectProvider<RequestMappingHandlerMapping> mappings) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(jdbc, KEEP, new CredentialEndpoints(mappings)));
        // Spring Security's filter chain runs at -100
        registration.setOrder(0);
        return registration;
    }

    @Bean
    ExpiredIdempotencyKeys expiredIdempotencyKeys(JdbcTemplate jdbc) {
        return new ExpiredIdempotencyKeys(jdbc);
    }
}
