package io.eventplatform.contracts.api;

/** HTTP (and Kafka) header names shared by the gateway and the services. */
public final class PlatformHeaders {

    /** Correlates one client request across the gateway, every service, and the events it causes. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** An app acting for a user sends its app token here, next to the user token in Authorization (docs/auth.md). */
    public static final String APP_TOKEN = "X-App-Token";

    private PlatformHeaders() {
    }
}
