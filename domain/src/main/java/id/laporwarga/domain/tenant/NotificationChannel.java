package id.laporwarga.domain.tenant;

import java.util.Objects;

/** Where an agency hears about its cases: an e-mail address, its own SQS queue (ARN) or an HTTPS webhook. */
public record NotificationChannel(Type type, String endpoint) {
    public enum Type { EMAIL, SQS, HTTPS }

    public NotificationChannel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
