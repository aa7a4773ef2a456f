package io.eventplatform.identity.user;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code PLATFORM_ADMIN_EMAILS}: whoever logs in with one of these emails is a platform admin. */
@ConfigurationProperties("platform.auth")
record AdminEmails(@DefaultValue List<String> adminEmails) {

    Set<String> normalized() {
        return adminEmails.stream().map(String::trim).filter(email -> !email.isEmpty())
                .map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
