package dev.scansion.recorder;

/** Whether the proxy offers STARTTLS to its clients ({@code --listen-tls}). */
public enum ClientTls {
    /** No STARTTLS offered. */
    OFF,
    /** STARTTLS offered; a client may log in without it. */
    OPTIONAL,
    /** STARTTLS offered and required before SASL. */
    REQUIRED
}
