package io.eventplatform.prize.webhook;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 key the platform signs webhooks with, kept as a JWK ({@code kty: OKP, crv: Ed25519}): the private
 * half {@code d} and the public half {@code x}, each 32 raw bytes. Its key id, unless the JWK names one, is
 * {@code whk_} and the first 16 hex digits of the public key's SHA-256.
 */
final class SigningKey {

    // DER prefix of a PKCS#8 Ed25519 private key (RFC 8410): the 32 raw bytes follow
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final OctetKeyPair jwk;
    private final PrivateKey privateKey;

    private SigningKey(OctetKeyPair jwk) {
        this.jwk = jwk;
        try {
            byte[] d = jwk.getDecodedD();
            byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + d.length);
            System.arraycopy(d, 0, encoded, PKCS8_PREFIX.length, d.length);
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a usable Ed25519 key", e);
        }
    }

    static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x = lastBytes(pair.getPublic().getEncoded());
            byte[] d = lastBytes(pair.getPrivate().getEncoded());
            return new SigningKey(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d))
                    .keyID(keyIdOf(x)).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private JWK as configured ({@code WEBHOOK_SIGNING_KEY}) or kept in the local key file. */
    static SigningKey parse(String privateJwk) {
        OctetKeyPair parsed;
        try {
            parsed = OctetKeyPair.parse(privateJwk.trim());
        } catch (ParseException e) {
            throw new IllegalArgumentException("The webhook signing key is not a JWK: " + e.getMessage());
        }
        if (!Curve.Ed25519.equals(parsed.getCurve()) || !parsed.isPrivate()) {
            throw new IllegalArgumentException("The webhook signing key must be a private Ed25519 JWK (kty OKP, crv Ed25519, d, x)");
        }
        if (parsed.getKeyID() == null) {
            parsed = new OctetKeyPair.Builder(parsed).keyID(keyIdOf(parsed.getDecodedX())).build();
        }
        return new SigningKey(parsed);
    }

    String keyId() {
        return jwk.getKeyID();
    }

    /** The private JWK, for the local key file. */
    String privateJwk() {
        return jwk.toJSONString();
    }

    /** What {@code GET /webhooks/keys} publishes for it. */
    OctetKeyPair publicJwk() {
        return new OctetKeyPair.Builder(jwk.toPublicJWK()).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.EdDSA).build();
    }

    /** The Ed25519 signature of {@code data}, base64url without padding. */
    String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return Base64URL.encode(signature.sign()).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyIdOf(byte[] publicKey) {
        try {
            return "whk_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] lastBytes(byte[] encoded) {
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
