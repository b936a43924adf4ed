package id.laporwarga.function.routetoagency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.OutboxPublisher;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.LambdaEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox relay's handler on the in-memory topics, driven by the sample stream batch of events/ (no emulator). */
class OutboxRelayHandlerTest {
    static final String CASE = "0b7f3c1e-4a52-4f7e-9a51-2c1d3e4f5a60";
    MemoryWorld world;
    OutboxRelayHandler handler;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        handler = new OutboxRelayHandler(MemoryContext.of(world, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    static DynamodbEvent sample() {
        return LambdaEvents.load("dynamodb-outbox-inserts.json", DynamodbEvent.class);
    }

    static List<String> failures(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void theSampleBatchIsPublishedInStreamOrderOnItsTopicsWithItsAttributes() {
        assertEquals(List.of(), failures(handler.handleRequest(sample(), null)));

        List<OutboxEvent> published = world.topics.published;
        assertEquals(List.of(CASE + "#case.verified#3", CASE + "#agency-alert#4"),
                published.stream().map(OutboxEvent::eventId).toList());
        OutboxEvent verified = published.get(0);
        assertEquals(OutboxEvent.Channel.CASE_EVENTS, verified.channel());
        assertEquals("case.verified", verified.attributes().get("eventType"));
        assertEquals("SAMPAH", verified.attributes().get("category"));
        assertEquals(CASE + "#case.verified#3", verified.attributes().get("eventId"));
        assertEquals(3, ((Number) verified.body().get("version")).intValue());
        assertEquals("2026-11-24T01:00:00Z", verified.body().get("occurredAt"));
        assertNull(verified.emailText());
        OutboxEvent alert = published.get(1);
        assertEquals(OutboxEvent.Channel.AGENCY_ALERTS, alert.channel());
        assertEquals("dlh", alert.attributes().get("agencyId"));
        assertEquals("[Lapor Warga] KOT-7K3M-9QXD Sampah - Kotamobagu Utara", alert.subject());
        assertTrue(alert.emailText().startsWith("Laporan baru untuk Dinas Lingkungan Hidup."));
        assertEquals("lapor-warga.agency-alert/1", alert.body().get("schema"));
    }

    @Test
    void anSnsBlipIsWaitedOutWithinTheBatch() {
        world.topics.failNext.set(2);
        assertEquals(List.of(), failures(handler.handleRequest(sample(), null)));
        assertEquals(2, world.topics.published.size());
    }

    @Test
    void snsDownForTheWholeBudgetReportsTheFirstRecordAndPublishesNothing() {
        AtomicLong nanos = new AtomicLong();
        // every look at the clock costs 5 s: the 40 s budget runs out after a few tries
        OutboxRelay relay = new OutboxRelay(world.topics, items(), () -> nanos.addAndGet(Duration.ofSeconds(5).toNanos()));
        world.topics.failNext.set(1_000);

        StreamsEventResponse response = relay.relay(sample());

        assertEquals(List.of("4100000000000000000001"), failures(response), "Lambda retries from the first record");
        assertTrue(world.topics.published.isEmpty());
    }

    @Test
    void aMessageSnsRefusesStopsTheBatchThereAndKeepsWhatCameBefore() {
        OutboxPublisher refusesAlerts = e -> {
            if (e.channel() == OutboxEvent.Channel.AGENCY_ALERTS) {
                throw new IllegalArgumentException("InvalidParameter: Message too long");
            }
            return world.topics.publish(e);
        };
        OutboxRelay relay = new OutboxRelay(refusesAlerts, items());

        assertEquals(List.of("4100000000000000000002"), failures(relay.relay(sample())));
        assertEquals(List.of("case.verified"), world.topics.published.stream().map(OutboxEvent::eventType).toList());
    }

    @Test
    void aRecordThatIsNotAnOutboxItemIsPassedOver() {
        DynamodbEvent event = sample();
        DynamodbEvent.DynamodbStreamRecord caseItem = event.getRecords().get(0);
        caseItem.getDynamodb().setNewImage(Map.of("pk", new AttributeValue().withS("CASE#" + CASE),
                "sk", new AttributeValue().withS("CASE"), "doc", new AttributeValue().withS("{}")));

        assertEquals(List.of(), failures(handler.handleRequest(event, null)));
        assertEquals(List.of("agency-alert"), world.topics.published.stream().map(OutboxEvent::eventType).toList());
    }

    private OutboxItems items() {
        return handler.getApplicationContext().getBean(OutboxItems.class);
    }

}
