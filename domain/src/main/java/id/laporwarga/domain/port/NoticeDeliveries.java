package id.laporwarga.domain.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the record of each citizen notice's delivery, kept with the case ({@code caseId}) and keyed by the notice's
 * id. It never holds the contact it was sent to: only the channel, the outcome and the provider's message id.
 */
public interface NoticeDeliveries {
    /** What happened to one notice. */
    enum Outcome { SENT, NO_CONTACT, INVALID_CONTACT }

    record Delivery(String noticeId, String caseId, String noticeType, String channel, Outcome outcome,
                    String providerMessageId, Instant at) {
    }

    Optional<Delivery> find(String caseId, String noticeId);

    /** Records a delivery once; a second record of the same notice keeps the first. */
    void record(Delivery delivery);
}
