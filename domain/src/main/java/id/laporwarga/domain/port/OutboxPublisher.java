package id.laporwarga.domain.port;

import id.laporwarga.domain.outbox.OutboxEvent;

/**
 * The topics, as the outbox relay sees them: publishes one stored outbox event on its channel's topic, with its
 * message attributes. The relay is the only caller: services write events to the outbox ({@link CaseWrite}), they
 * never publish.
 */
public interface OutboxPublisher {
    /**
     * @return the broker's message id
     * @throws Unavailable      when the broker could not be reached or is overloaded (worth trying again soon)
     * @throws RuntimeException when the broker refused the message (the relay reports it; Lambda retries the batch)
     */
    String publish(OutboxEvent event);

    /** The broker could not be reached, timed out or throttled: a passing outage, not the message's fault. */
    final class Unavailable extends RuntimeException {
        public Unavailable(Throwable cause) {
            super("topic unavailable: " + cause, cause);
        }
    }
}
