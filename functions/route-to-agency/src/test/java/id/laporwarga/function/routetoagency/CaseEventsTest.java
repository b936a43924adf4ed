package id.laporwarga.function.routetoagency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.platform.json.Json;
import id.laporwarga.testkit.LambdaEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQS bodies the handler accepts, including every sample event in events/sqs-case-*.json. */
class CaseEventsTest {
    private static ApplicationContext context;
    private static Json json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        json = context.getBean(Json.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static final String RAW = "{\"eventType\":\"case.verified\",\"caseId\":\"c-1\",\"tenantId\":\"kotamobagu\","
            + "\"kind\":\"COMPLAINT\",\"category\":\"SAMPAH\",\"status\":\"VERIFIED\",\"version\":3,"
            + "\"occurredAt\":\"2026-11-24T01:00:00Z\"}";

    @Test
    void rawDeliveryBodyIsTheEvent() {
        CaseEvent e = CaseEvents.parse(json, RAW);
        assertEquals(new CaseEvent("case.verified", "c-1", "kotamobagu", CaseKind.COMPLAINT, "SAMPAH",
                CaseStatus.VERIFIED, 3, Instant.parse("2026-11-24T01:00:00Z")), e);
    }

    @Test
    void snsEnvelopeIsUnwrapped() {
        String envelope = json.write(java.util.Map.of("Type", "Notification", "MessageId", "m-1", "Message", RAW));
        assertEquals("c-1", CaseEvents.parse(json, envelope).caseId());
    }

    @Test
    void brokenBodiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CaseEvents.parse(json, "{\"caseId\":\"c-1\"}"));
        assertThrows(RuntimeException.class, () -> CaseEvents.parse(json, "not json"));
        assertThrows(IllegalArgumentException.class, () -> CaseEvents.parse(json, ""));
    }

    @Test
    void sampleEventsParse() throws IOException {
        List<String> files = LambdaEvents.names().stream()
                .filter(n -> n.matches("sqs-case-(verified|rerouted).*\\.json")).toList();
        assertEquals(5, files.size(), files::toString);
        for (String file : files) {
            JsonNode records = json.tree(LambdaEvents.text(file)).get("Records");
            for (int i = 0; i < records.size(); i++) {
                CaseEvent e = CaseEvents.parse(json, records.get(i).get("body").getStringValue());
                assertEquals("kotamobagu", e.tenantId(), file);
                assertEquals(e.eventType(), records.get(i).get("messageAttributes").get("eventType").get("stringValue")
                        .getStringValue(), file);
            }
        }
    }
}
