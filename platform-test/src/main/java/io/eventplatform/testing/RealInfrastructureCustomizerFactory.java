package io.eventplatform.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Wires {@link WithRealInfrastructure} into Spring's test context; registered in META-INF/spring.factories. */
final class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(WithRealInfrastructure.class)
                .synthesize(annotation -> annotation.isPresent())
                .map(annotation -> (ContextCustomizer) new Customizer(annotation.kafka()))
                .orElse(null);
    }

    /** Equal for equal settings, so Spring's context cache shares contexts (and databases) between classes. */
    record Customizer(boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Infrastructure infrastructure = Infrastructure.shared();
            Infrastructure.Database database = infrastructure.createDatabase(config.getTestClass().getSimpleName());
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "spring.datasource.url", database.jdbcUrl(),
                    "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password()));
            if (kafka) {
                properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        }
    }
}
