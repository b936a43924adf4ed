package id.laporwarga.domain.routing;

import java.time.Instant;

/**
 * Port: at most one publisher per (case, assignment, target), across redeliveries and concurrent consumers.
 *
 * <p>{@link #claim} takes the claim if nobody holds it, or if its holder neither completed nor released it within
 * the lease (the holder crashed before publishing). {@link #complete} records the message id right after the
 * publish, so a consumer that crashed before writing the delivery onto the case does not publish twice: the next
 * attempt finds the claim {@code COMPLETED} and only records the delivery.
 */
public interface DeliveryClaims {

    Claim claim(String key, Instant now);

    void complete(String key, String messageId);

    /** Gives the claim up after a failed publish, so the retry publishes at once. */
    void release(String key);

    enum Status { ACQUIRED, HELD_BY_OTHER, COMPLETED }

    /** {@code messageId} is set for {@code COMPLETED}. */
    record Claim(Status status, String messageId) {
        public static Claim acquired() {
            return new Claim(Status.ACQUIRED, null);
        }

        public static Claim heldByOther() {
            return new Claim(Status.HELD_BY_OTHER, null);
        }

        public static Claim completed(String messageId) {
            return new Claim(Status.COMPLETED, messageId);
        }
    }
}
