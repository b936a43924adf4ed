package id.laporwarga.function.citizennotice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.port.NoticeDeliveries.Outcome;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.QueueEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The citizen-notice sender on the in-memory ports, driven by events/sqs-citizen-notices.json (no emulator). */
class CitizenNoticeHandlerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC);
    static final String RESOLVED_CASE = "8e4c1a27-6d9f-4e3b-a2c5-7b8d9e0f1a2b";
    static final String REFERRED_CASE = "3f6b2d10-8a4c-4e7d-9b1f-2c3d4e5f6a7b";
    static final String ANONYMOUS_CASE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    MemoryWorld world;
    CitizenNoticeHandler handler;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        world.cases.contacts.put(RESOLVED_CASE, new Reporter("Rahmat", "0852-9876-5432", null));
        world.cases.contacts.put(REFERRED_CASE, new Reporter(null, "+62 811 4300 123", null));
        handler = new CitizenNoticeHandler(MemoryContext.of(world, CLOCK));
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    @Test
    void reportersWithAPhoneGetTheirSmsTheAnonymousOneNothingAndABatchRedeliveredSendsNoSecondSms() {
        SQSEvent event = LambdaEvents.load("sqs-citizen-notices.json", SQSEvent.class);
        SQSBatchResponse first = handler.handleRequest(event, null);
        SQSBatchResponse again = handler.handleRequest(event, null);

        assertTrue(first.getBatchItemFailures().isEmpty(), first.toString());
        assertTrue(again.getBatchItemFailures().isEmpty(), again.toString());
        assertEquals(2, world.notices.sent.size(), world.notices.sent.toString());
        assertEquals("+6285298765432", world.notices.sent.get(0).phone());
        assertTrue(world.notices.sent.get(0).text().contains("KOT-7K3M-9QXD telah selesai ditindaklanjuti"));
        assertEquals("+628114300123", world.notices.sent.get(1).phone());
        assertTrue(world.notices.sent.get(1).text().contains("dirujuk ke PT PLN"));
        // the referral e-mailed to PLN's address (the institution's, from the tenant document), once
        assertEquals(1, world.notices.emails.size(), world.notices.emails.toString());
        assertEquals("pengaduan.up3kotamobagu@pln.example", world.notices.emails.get(0).to());
        assertTrue(world.notices.emails.get(0).subject().contains("Rujukan laporan warga KOT-PLN4-2QWE"));
        List<Outcome> outcomes = world.notices.deliveries.values().stream().map(d -> d.outcome()).toList();
        assertEquals(List.of(Outcome.SENT, Outcome.SENT, Outcome.NO_CONTACT, Outcome.SENT), outcomes);
        assertEquals(ANONYMOUS_CASE, world.notices.deliveries.values().stream().toList().get(2).caseId());
    }

    @Test
    void aRefusedSendIsReportedAsThatRecordsFailureAndRetried() {
        world.notices.refuse(1);
        String body = LambdaEvents.load("sqs-citizen-notices.json", SQSEvent.class).getRecords().get(0).getBody();
        SQSBatchResponse refused = handler.handleRequest(QueueEvents.sqs(body), null);
        assertEquals(1, refused.getBatchItemFailures().size());
        assertTrue(world.notices.deliveries.isEmpty());

        SQSBatchResponse retried = handler.handleRequest(QueueEvents.sqs(body), null);
        assertTrue(retried.getBatchItemFailures().isEmpty());
        assertEquals(1, world.notices.sent.size());
    }

    @Test
    void aMessageThatIsNoNoticeFailsItsRecordOnly() {
        SQSBatchResponse response = handler.handleRequest(QueueEvents.sqs("{\"caseId\":\"x\"}", "not json"), null);
        assertEquals(2, response.getBatchItemFailures().size());
        assertTrue(world.notices.sent.isEmpty());
    }
}
