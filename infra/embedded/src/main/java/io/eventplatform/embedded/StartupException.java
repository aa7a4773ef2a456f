package io.eventplatform.embedded;

/** A part of the platform did not come up; the message says which part and why. */
public class StartupException extends RuntimeException {

    private final String part;

    public StartupException(String part, String reason, Throwable cause) {
        super(part + ": " + reason, cause);
        this.part = part;
    }

    public StartupException(String part, String reason) {
        this(part, reason, null);
    }

    public String part() {
        return part;
    }
}
