package id.laporwarga.domain.notice;

import id.laporwarga.domain.port.CitizenMessaging;
import id.laporwarga.domain.port.EmailMessaging;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.domain.port.NoticeDeliveries.Delivery;
import id.laporwarga.domain.port.NoticeDeliveries.Outcome;
import id.laporwarga.domain.port.ReporterContacts;
import id.laporwarga.domain.report.Reporter;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers a citizen notice (published on the citizen-notices topic with the case id and the text, never a contact)
 * to the reporter: looks the contact up by case id, here and nowhere else, sends the SMS and records the delivery on
 * the case without the contact. A reporter who left no phone gets nothing and nothing fails; a notice already
 * delivered is not sent again (redeliveries of the same message); a provider's refusal throws, so the message is
 * retried (and lands in the dead-letter queue after the queue's receives). A referral notice for the institution
 * ({@link Notice#institutionEmail()}: the address the tenant document gives the external institution, never a
 * citizen's) is e-mailed to that address once, without any contact lookup.
 */
public final class CitizenNoticeDelivery {
    public static final String SMS = "SMS";
    public static final String EMAIL = "EMAIL";
    /** The record of a notice's e-mail when an SMS goes too (the SMS's record is the notice's own). */
    public static final String EMAIL_RECORD_SUFFIX = "#email";
    public static final String NONE = "NONE";
    static final String SENDER = "Lapor Warga";

    /**
     * A notice as published: its id (deterministic), type, case, tracking code and Indonesian / English text; for an
     * institution's referral e-mail also its address and subject (else null).
     */
    public record Notice(String noticeId, String noticeType, String tenantId, String caseId, String trackingCode,
                         String textId, String textEn, String institutionEmail, String subject) {
        public Notice {
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(textId, "textId");
        }

        /** A notice for the reporter. */
        public Notice(String noticeId, String noticeType, String tenantId, String caseId, String trackingCode,
                      String textId, String textEn) {
            this(noticeId, noticeType, tenantId, caseId, trackingCode, textId, textEn, null, null);
        }
    }

    private final ReporterContacts contacts;
    private final CitizenMessaging messaging;
    private final EmailMessaging email;
    private final NoticeDeliveries deliveries;
    private final Clock clock;

    public CitizenNoticeDelivery(ReporterContacts contacts, CitizenMessaging messaging, EmailMessaging email,
                                 NoticeDeliveries deliveries, Clock clock) {
        this.contacts = contacts;
        this.messaging = messaging;
        this.email = email;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Sends the notice unless it was delivered before; returns the delivery recorded. */
    public Delivery deliver(Notice notice) {
        Optional<Delivery> before = deliveries.find(notice.caseId(), notice.noticeId());
        if (before.isPresent()) {
            return before.get();
        }
        if (notice.institutionEmail() != null) {
            String subject = notice.subject() == null ? SENDER : notice.subject();
            return record(notice, EMAIL, Outcome.SENT,
                    email.sendEmail(notice.institutionEmail(), subject, notice.textId()));
        }
        Optional<Reporter> contact = contacts.find(notice.caseId());
        boolean english = contact.map(Reporter::english).orElse(false) && notice.textEn() != null;
        Optional<String> typed = contact.map(Reporter::phone).filter(p -> !p.isBlank());
        Optional<String> address = contact.map(Reporter::email).filter(a -> !a.isBlank());
        if (address.isPresent()) {
            // the e-mail first, under its own record; the notice's record (the SMS's, or this one) closes the notice
            String emailId = typed.isPresent() ? notice.noticeId() + EMAIL_RECORD_SUFFIX : notice.noticeId();
            if (deliveries.find(notice.caseId(), emailId).isEmpty()) {
                Delivery sent = record(emailId, notice, EMAIL, Outcome.SENT, email.sendEmail(address.get(),
                        subject(notice, english), text(notice, english)));
                if (typed.isEmpty()) {
                    return sent;
                }
            }
        }
        Delivery delivery;
        if (typed.isEmpty()) {
            delivery = record(notice, NONE, Outcome.NO_CONTACT, null);
        } else {
            Optional<String> phone = PhoneNumbers.e164(typed.get());
            delivery = phone.isEmpty() ? record(notice, SMS, Outcome.INVALID_CONTACT, null)
                    : record(notice, SMS, Outcome.SENT, messaging.sendSms(phone.get(), smsText(text(notice, english))));
        }
        return delivery;
    }

    /** The SMS: the notice's text, led by the service's name. */
    static String smsText(Notice notice) {
        return smsText(notice.textId());
    }

    private static String smsText(String text) {
        return text.startsWith(SENDER) ? text : SENDER + ": " + text;
    }

    /** The notice's text in the reporter's language: English when the report asked and the notice has it. */
    static String text(Notice notice, boolean english) {
        return english ? notice.textEn() : notice.textId();
    }

    /** A reporter's e-mail subject: the service and the tracking code. */
    static String subject(Notice notice, boolean english) {
        String code = notice.trackingCode() == null ? "" : " " + notice.trackingCode();
        return SENDER + ": " + (english ? "report" : "laporan") + code;
    }

    private Delivery record(Notice notice, String channel, Outcome outcome, String providerMessageId) {
        return record(notice.noticeId(), notice, channel, outcome, providerMessageId);
    }

    private Delivery record(String id, Notice notice, String channel, Outcome outcome, String providerMessageId) {
        Delivery d = new Delivery(id, notice.caseId(), notice.noticeType(), channel, outcome,
                providerMessageId, clock.instant());
        deliveries.record(d);
        return d;
    }
}
