package io.eventplatform.prize.webhook;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    SigningKeys webhookSigningKeys(WebhookSettings settings, Environment environment) {
        return SigningKeys.load(settings.signing(), environment.matchesProfiles("prod"), Clock.systemUTC());
    }
}
