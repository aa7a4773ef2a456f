package io.eventplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The firewall's header rule without a regular expression decides exactly as Spring Security's default pattern. */
class HeaderRuleTest {

    static final Pattern DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2ln", "tab\there", "bell\u0007",
            "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378", "emoji 🎉", "lone surrogate \ud800", "ümlaut",
            "line\nbreak", "zero width\u200b", "private use\ue000", "ﬀ ligature"})
    void decidesLikeTheDefaultPattern(String value) {
        assertThat(PlatformSecurityAutoConfiguration.isPrintable(value)).isEqualTo(DEFAULT.matcher(value).matches());
    }
}
