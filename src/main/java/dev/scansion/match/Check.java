package dev.scansion.match;

/** What an expected attribute value or text requires, with variables already resolved. */
sealed interface Check {
    /** Equal to {@code value}; {@code template} is the source with {@code ${...}}, or null when literal. */
    record Equals(String value, String template) implements Check {
    }

    /** {@code {scansion:any}}. */
    record AnyValue() implements Check {
    }

    /** {@code {scansion:capture:NAME}}. */
    record CaptureAs(String name) implements Check {
    }

    /** A variable without a value: never matches. */
    record Unbound(String template, String reason) implements Check {
    }

    /** How the expectation is shown in a report. */
    default String shown() {
        if (this instanceof Equals e) return e.value();
        if (this instanceof CaptureAs c) return "{scansion:capture:" + c.name() + "}";
        if (this instanceof Unbound u) return u.template();
        return "{scansion:any}";
    }
}
