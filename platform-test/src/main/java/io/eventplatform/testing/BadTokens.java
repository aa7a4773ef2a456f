package io.eventplatform.testing;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tokens every protected endpoint must answer with 401, by what is wrong with them. */
public final class BadTokens {

    private BadTokens() {
    }

    /** Name → token; the null token means "no Authorization header at all". */
    public static Map<String, String> all(TestTokenIssuer issuer) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put("alg none", TestTokenIssuer.unsigned());
        tokens.put("HMAC", TestTokenIssuer.hmac(issuer.currentKey().getKeyID()));
        tokens.put("another key", TestTokenIssuer.sign(TestTokenIssuer.newKey(issuer.currentKey().getKeyID()), claims -> { }));
        tokens.put("expired", issuer.token(claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))));
        tokens.put("another audience", issuer.token(claims -> claims.audience("someone-else")));
        tokens.put("another issuer", issuer.token(claims -> claims.issuer("http://elsewhere.test")));
        return tokens;
    }
}
