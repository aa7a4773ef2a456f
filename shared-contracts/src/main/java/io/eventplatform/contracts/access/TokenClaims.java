package io.eventplatform.contracts.access;

/** The claims of the platform's access tokens besides the standard ones (docs/auth.md "Tokens and sessions"), and their values. */
public final class TokenClaims {

    /** The kind of token: {@value #USER_TOKEN} or {@value #APP_TOKEN}. */
    public static final String TYPE = "typ";
    /** A user token's platform role: {@value #ADMIN} or {@value #USER}. */
    public static final String PLATFORM_ROLE = "prole";
    /** A user token's session id (revoking the session revokes the token). */
    public static final String SESSION = "sid";
    /** An app token's permissions, as its manifest granted them when the token was issued. */
    public static final String PERMISSIONS = "perms";

    public static final String USER_TOKEN = "user";
    public static final String APP_TOKEN = "app";
    public static final String ADMIN = "admin";
    public static final String USER = "user";

    private TokenClaims() {
    }
}
