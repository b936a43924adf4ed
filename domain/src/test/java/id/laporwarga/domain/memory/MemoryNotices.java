package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.CitizenMessaging;
import id.laporwarga.domain.port.EmailMessaging;
import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.domain.port.StepAlertPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notice ports in memory: SMS and e-mails "sent" (phone or address and text, as a provider would receive them), step alerts published
 * ({@link #refuse} makes the next sends or publishes fail like an outage) and the delivery records by case and id.
 */
public final class MemoryNotices implements CitizenMessaging, EmailMessaging, NoticeDeliveries, StepAlertPublisher {
    public record Sms(String phone, String text) {
    }

    public record Email(String to, String subject, String text) {
    }

    public final List<Sms> sent = new ArrayList<>();
    /** The e-mails "sent", in order. */
    public final List<Email> emails = new ArrayList<>();
    /** The step alerts published, in order. */
    public final List<StepAlerts.StepAlert> alerts = new ArrayList<>();
    public final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private int refusals;

    /** The next {@code times} sends throw. */
    public MemoryNotices refuse(int times) {
        refusals = times;
        return this;
    }

    @Override
    public synchronized String sendSms(String phoneE164, String text) {
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("SMS provider unavailable");
        }
        sent.add(new Sms(phoneE164, text));
        return "sms-" + sent.size();
    }

    @Override
    public synchronized String sendEmail(String to, String subject, String text) {
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("e-mail provider unavailable");
        }
        emails.add(new Email(to, subject, text));
        return "email-" + emails.size();
    }

    @Override
    public synchronized String publish(StepAlerts.StepAlert alert) {
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("topic unavailable");
        }
        alerts.add(alert);
        return "alert-" + alerts.size();
    }

    @Override
    public synchronized Optional<Delivery> find(String caseId, String noticeId) {
        return Optional.ofNullable(deliveries.get(caseId + "|" + noticeId));
    }

    @Override
    public synchronized void record(Delivery delivery) {
        deliveries.putIfAbsent(delivery.caseId() + "|" + delivery.noticeId(), delivery);
    }
}
