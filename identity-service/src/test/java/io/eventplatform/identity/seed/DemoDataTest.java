package io.eventplatform.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.identity.IdentityApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IdentityApiTest
class DemoDataTest {

    @Autowired DemoData demo;
    @Autowired JdbcTemplate jdbc;

    @Test
    void loadsUsersAndAppsOnceAndTheAppsManifestsAreValid() {
        demo.load();
        int users = count("SELECT count(*) FROM users WHERE email IN ('admin@example.com','olivia@example.com','pat@example.com','mo@example.com','vic@example.com')");
        int events = count("SELECT count(*) FROM outbox_events");

        assertThat(demo.load()).isEmpty();

        assertThat(users).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM users WHERE email IN ('admin@example.com','olivia@example.com','pat@example.com','mo@example.com','vic@example.com')")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM apps WHERE app_id IN ('app_lottery_v1', 'app_quiz_v1')")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox_events")).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT manifest #>> '{settings,properties,ticketCount,minimum}' FROM apps WHERE app_id = 'app_lottery_v1'",
                String.class)).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT manifest #> '{settings,properties,questions}' IS NOT NULL FROM apps WHERE app_id = 'app_quiz_v1'",
                Boolean.class)).isTrue();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
