package io.eventplatform.identity.token;

import io.eventplatform.support.keys.KeptKeyFile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The key that signs access tokens and the public keys published at {@code /.well-known/jwks.json}: the current
 * one plus any previous ones still listed for rotation, so tokens signed before a rotation keep verifying.
 */
public final class SigningKeys {

    private final RSAKey current;
    private final JWKSet published;

    private SigningKeys(RSAKey current, List<JWK> previous) {
        this.current = current;
        List<JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        keys.addAll(previous);
        this.published = new JWKSet(keys);
    }

    /** From configuration; without a configured key a fresh one is generated (never with the prod profile). */
    static SigningKeys from(TokenProperties properties, boolean production) {
        try {
            RSAKey current;
            if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
                current = fromPem(properties.signingKey(), properties.signingKeyId());
            } else if (production) {
                throw new IllegalStateException("platform.identity.tokens.signing-key (TOKEN_SIGNING_KEY) is required "
                        + "with the prod profile");
            } else if (properties.signingKeyFile() != null && !properties.signingKeyFile().toString().isBlank()) {
                current = RSAKey.parse(KeptKeyFile.readOrCreate(properties.signingKeyFile(),
                        () -> generated(properties.signingKeyId()).toJSONString(), "token signing key"));
            } else {
                current = generated(properties.signingKeyId());
            }
            List<JWK> previous = new ArrayList<>();
            for (String entry : properties.previousPublicKeys()) {
                int split = entry.indexOf('=');
                if (split < 1) {
                    throw new IllegalStateException("previous-public-keys entries are kid=PEM");
                }
                previous.add(publicFromPem(entry.substring(split + 1), entry.substring(0, split)));
            }
            return new SigningKeys(current, previous);
        } catch (java.text.ParseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the token signing key", e);
        }
    }

    private static RSAKey generated(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a token signing key", e);
        }
    }

    private static RSAKey fromPem(String pem, String kid) throws java.security.GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    }

    private static RSAKey publicFromPem(String pem, String kid) throws java.security.GeneralSecurityException {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        return new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    RSAKey current() {
        return current;
    }

    /** The public keys, as served at /.well-known/jwks.json. */
    public JWKSet published() {
        return published;
    }
}
