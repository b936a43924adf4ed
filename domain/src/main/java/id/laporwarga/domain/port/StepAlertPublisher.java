package id.laporwarga.domain.port;

import id.laporwarga.domain.notice.StepAlerts;

/**
 * Port: publishes the alert of a step entered to the officials who act there, with the attributes their subscriptions
 * filter on ({@code tenant}, {@code role}, {@code area}). Returns the broker's message id, or throws when not accepted.
 */
public interface StepAlertPublisher {
    String publish(StepAlerts.StepAlert alert);
}
