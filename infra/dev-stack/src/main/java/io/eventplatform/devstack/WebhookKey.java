package io.eventplatform.devstack;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code ./platform webhook-key}: a new Ed25519 signing key for webhooks, printed as the private JWK that
 * prize-service reads from {@code WEBHOOK_SIGNING_KEY} (docs/webhooks.md "Keys and rotation"), and its public half,
 * which goes under {@code previous} when the key is replaced later.
 */
final class WebhookKey {

    private WebhookKey() {
    }

    static String[] generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String x = base64Url(last32(pair.getPublic().getEncoded()));
            String d = base64Url(last32(pair.getPrivate().getEncoded()));
            String kid = "whk_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(last32(pair.getPublic().getEncoded()))).substring(0, 16);
            String common = "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\"" + x + "\"";
            return new String[] {"{" + common + ",\"d\":\"" + d + "\"}", "{" + common + "}"};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] last32(byte[] encoded) {
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
