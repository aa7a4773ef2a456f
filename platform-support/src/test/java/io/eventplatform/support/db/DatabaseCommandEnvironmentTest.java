package io.eventplatform.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What a service started as a one-shot database command leaves out: the web server, its consumers, and the broker. */
class DatabaseCommandEnvironmentTest {

    @Test
    void aServiceStartedNormallyKeepsEverySetting() {
        StandardEnvironment environment = environment(Map.of("spring.kafka.listener.auto-startup", "true"));

        postProcess(environment);

        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isEqualTo("true");
        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("platform.events.relay.enabled")).isNull();
    }

    @Test
    void aMigrationNeitherServesNorConsumesNorReachesKafka() {
        StandardEnvironment environment = environment(Map.of("platform.db.command", "migrate",
                "spring.kafka.listener.auto-startup", "true", "platform.events.relay.enabled", "true"));

        postProcess(environment);

        assertOneShot(environment);
        assertThat(environment.getProperty("platform.events.relay.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.kafka.admin.auto-create")).isEqualTo("false");
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
    }

    @Test
    void aResetKeepsTheTopicsAndTheRelayToPublishItsDemoDataButNotTheRelaysThread() {
        StandardEnvironment environment = environment(Map.of("platform.db.command", "reset"));

        postProcess(environment);

        assertOneShot(environment);
        assertThat(environment.getProperty("platform.events.relay.enabled")).isNull();
        assertThat(environment.getProperty("spring.kafka.admin.auto-create")).isNull();
        // every listener bean is made: the rebuild reads the topics through them
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isNull();
    }

    @Test
    void aResetUnderTheProdProfileWhichRefusesItNeedsNoBroker() {
        StandardEnvironment environment = environment(Map.of("platform.db.command", "reset"));
        environment.setActiveProfiles("prod");

        postProcess(environment);

        assertThat(environment.getProperty("platform.events.relay.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.kafka.admin.auto-create")).isEqualTo("false");
    }

    @Test
    void aSeedMakesOnlyTheBeansItUsesAndPublishesItsEventsItself() {
        StandardEnvironment environment = environment(Map.of("platform.seed", "true"));

        postProcess(environment);

        assertOneShot(environment);
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
        assertThat(environment.getProperty("platform.events.relay.enabled")).isNull();
    }

    /** No web server, no listeners or readers, no relay thread. */
    private static void assertOneShot(StandardEnvironment environment) {
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isEqualTo("false");
        assertThat(environment.getProperty("platform.events.relay-auto-startup")).isEqualTo("false");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", properties));
        return environment;
    }

    /** Twice, as Spring Cloud's bootstrap context and the application's own both run the post-processors. */
    private static void postProcess(StandardEnvironment environment) {
        new DatabaseCommandEnvironment().postProcessEnvironment(environment, new SpringApplication());
        new DatabaseCommandEnvironment().postProcessEnvironment(environment, new SpringApplication());
    }
}
