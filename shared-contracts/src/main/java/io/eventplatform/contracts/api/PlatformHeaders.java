package io.eventplatform.contracts.api;

/** HTTP (and Kafka) header names shared by the gateway and the services. */
public final class PlatformHeaders {

    /** Correlates one client request across the gateway, every service, and the events it causes. */
    public static final String REQUEST_ID = "X-Request-Id";

    private PlatformHeaders() {
    }
}
