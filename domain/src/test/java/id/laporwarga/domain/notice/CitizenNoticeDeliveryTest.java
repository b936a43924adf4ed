package id.laporwarga.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.memory.MemoryNotices;
import id.laporwarga.domain.port.NoticeDeliveries.Delivery;
import id.laporwarga.domain.port.NoticeDeliveries.Outcome;
import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.report.Reporter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenNoticeDeliveryTest {
    final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    final MemoryNotices notices = new MemoryNotices();
    final CitizenNoticeDelivery delivery = new CitizenNoticeDelivery(cases, notices, notices, notices,
            Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC));

    static CitizenNoticeDelivery.Notice notice(String caseId, String id) {
        return new CitizenNoticeDelivery.Notice(id, "case.status_changed", "kotamobagu", caseId, "KOT-7K3M-9QXD",
                "Laporan KOT-7K3M-9QXD: Selesai ditindaklanjuti.", null);
    }

    @Test
    void theReportersPhoneGetsTheIndonesianTextOnceAndTheRecordHoldsNoContact() {
        cases.contacts.put("c1", new Reporter("Rahmat", "0812-3456-7890", null));
        Delivery first = delivery.deliver(notice("c1", "c1#citizen-notice#7"));
        Delivery again = delivery.deliver(notice("c1", "c1#citizen-notice#7"));

        assertEquals(1, notices.sent.size());
        assertEquals("+6281234567890", notices.sent.get(0).phone());
        assertEquals("Lapor Warga: Laporan KOT-7K3M-9QXD: Selesai ditindaklanjuti.", notices.sent.get(0).text());
        assertEquals(Outcome.SENT, first.outcome());
        assertEquals("sms-1", first.providerMessageId());
        assertEquals(first, again);
        String record = notices.deliveries.values().toString();
        assertFalse(record.contains("3456") || record.contains("Rahmat"), record);
    }

    @Test
    void aNewStatusIsANewNotice() {
        cases.contacts.put("c2", new Reporter(null, "+62 811 4300 123", null));
        delivery.deliver(notice("c2", "c2#citizen-notice#3"));
        delivery.deliver(notice("c2", "c2#citizen-notice#5"));
        assertEquals(2, notices.sent.size());
        assertEquals("+628114300123", notices.sent.get(1).phone());
    }

    @Test
    void anAnonymousReporterWithoutContactGetsNothingAndNothingFails() {
        Delivery none = delivery.deliver(notice("c3", "c3#citizen-notice#2"));
        cases.contacts.put("c4", new Reporter("Nama saja", null, null));
        Delivery nameOnly = delivery.deliver(notice("c4", "c4#citizen-notice#2"));
        assertEquals(Outcome.NO_CONTACT, none.outcome());
        assertEquals(Outcome.NO_CONTACT, nameOnly.outcome());
        assertNull(none.providerMessageId());
        assertTrue(notices.sent.isEmpty());
        assertEquals(2, notices.deliveries.size());
    }

    @Test
    void aNumberThatIsNoPhoneIsRecordedNotSent() {
        cases.contacts.put("c5", new Reporter(null, "12345", null));
        assertEquals(Outcome.INVALID_CONTACT, delivery.deliver(notice("c5", "c5#citizen-notice#2")).outcome());
        assertTrue(notices.sent.isEmpty());
    }

    @Test
    void aRefusedSendThrowsRecordsNothingAndTheRetrySends() {
        cases.contacts.put("c6", new Reporter(null, "081234567891", null));
        notices.refuse(1);
        assertThrows(IllegalStateException.class, () -> delivery.deliver(notice("c6", "c6#citizen-notice#4")));
        assertEquals(Optional.empty(), notices.find("c6", "c6#citizen-notice#4"));
        assertEquals(Outcome.SENT, delivery.deliver(notice("c6", "c6#citizen-notice#4")).outcome());
        assertEquals(1, notices.sent.size());
    }

    @Test
    void aReferralIsEMailedOnceToTheInstitutionWithoutLookingUpTheReportersContact() {
        cases.contacts.put("c7", new Reporter("Rahmat", "0812-3456-7890", null));
        CitizenNoticeDelivery.Notice referral = new CitizenNoticeDelivery.Notice("c7#institution-email#3",
                "case.referral_institution", "kotamobagu", "c7", "KOT-PLN4-2QWE", "Rujukan laporan KOT-PLN4-2QWE",
                null, "pengaduan.up3kotamobagu@pln.example", "Rujukan laporan warga KOT-PLN4-2QWE");
        Delivery first = delivery.deliver(referral);
        Delivery again = delivery.deliver(referral);

        assertEquals(1, notices.emails.size(), notices.emails.toString());
        assertEquals("pengaduan.up3kotamobagu@pln.example", notices.emails.get(0).to());
        assertEquals("Rujukan laporan warga KOT-PLN4-2QWE", notices.emails.get(0).subject());
        assertTrue(notices.sent.isEmpty(), "the reporter's phone is not the institution's: " + notices.sent);
        assertEquals(CitizenNoticeDelivery.EMAIL, first.channel());
        assertEquals(first, again);
    }

    @Test
    void aReporterWhoLeftAnEMailGetsItOnceInTheLanguageTheyAskedWithTheSmsBeside() {
        cases.contacts.put("c8", new Reporter(null, "0812-3456-7890", null, "warga@example.com", "en"));
        CitizenNoticeDelivery.Notice n = new CitizenNoticeDelivery.Notice("c8#citizen-notice#5",
                "case.status_changed", "kotamobagu", "c8", "KOT-7K3M-9QXD", "Laporan KOT-7K3M-9QXD: Diterima.",
                "Report KOT-7K3M-9QXD: Acknowledged.");
        Delivery first = delivery.deliver(n);
        delivery.deliver(n);

        assertEquals(1, notices.emails.size(), notices.emails.toString());
        assertEquals("warga@example.com", notices.emails.get(0).to());
        assertEquals("Lapor Warga: report KOT-7K3M-9QXD", notices.emails.get(0).subject());
        assertEquals("Report KOT-7K3M-9QXD: Acknowledged.", notices.emails.get(0).text());
        assertEquals(1, notices.sent.size());
        assertEquals("Lapor Warga: Report KOT-7K3M-9QXD: Acknowledged.", notices.sent.get(0).text());
        assertEquals(CitizenNoticeDelivery.SMS, first.channel());
        assertEquals(CitizenNoticeDelivery.EMAIL, notices.find("c8", "c8#citizen-notice#5#email").orElseThrow()
                .channel());
        assertFalse(notices.deliveries.toString().contains("warga@example.com"), "no contact in the records");

        cases.contacts.put("c9", new Reporter(null, null, null, "warga9@example.com", null));
        Delivery mailOnly = delivery.deliver(notice("c9", "c9#citizen-notice#2"));
        assertEquals(CitizenNoticeDelivery.EMAIL, mailOnly.channel());
        assertEquals("Lapor Warga: laporan KOT-7K3M-9QXD", notices.emails.get(1).subject());
    }

    @Test
    void indonesianNumbersAsTyped() {
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.e164("0812-3456-7890"));
        assertEquals(Optional.of("+6281234567890"), PhoneNumbers.e164("6281234567890"));
        assertEquals(Optional.of("+6243412345"), PhoneNumbers.e164("(0434) 12345"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("+1 202 555 0100"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("0812"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("hubungi saya"));
    }
}
