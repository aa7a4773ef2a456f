package io.eventplatform.identity.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithRealInfrastructure(kafka = true)
class ExpiredCredentialsTest {

    @Autowired ExpiredCredentials purge;
    @Autowired JdbcTemplate jdbc;

    @Test
    void removesExpiredRevocationsAndSessionsAndKeepsTheRest() {
        jdbc.update("INSERT INTO users (id, email) VALUES ('usr_purge', 'purge@example.com')");
        jdbc.update("""
                INSERT INTO sessions (id, user_id, refresh_token_hash, family_id, expires_at) VALUES
                ('ses_old', 'usr_purge', 'h-old', 'ses_old', now() - interval '1 minute'),
                ('ses_live', 'usr_purge', 'h-live', 'ses_live', now() + interval '1 day')""");
        jdbc.update("""
                INSERT INTO revoked_tokens (id, token_id, expires_at) VALUES
                ('rvk_old', 'jti-old', now() - interval '1 minute'), ('rvk_live', 'jti-live', now() + interval '1 hour')""");

        purge.purge();

        assertThat(jdbc.queryForList("SELECT id FROM sessions WHERE user_id = 'usr_purge'", String.class)).containsExactly("ses_live");
        assertThat(jdbc.queryForList("SELECT id FROM revoked_tokens WHERE id LIKE 'rvk_%'", String.class)).containsExactly("rvk_live");
    }
}
