package id.laporwarga.function.routetoagency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.platform.testing.HttpAnswers;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.LambdaEvents;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The step-alert function on the in-memory ports, driven by events/sqs-case-step-entered.json (no emulator). */
class StepAlertHandlerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:30:00Z"), ZoneOffset.UTC);
    static final AreaRef MOTOBOI = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1007", "Motoboi Besar",
            AreaRef.KelurahanMatch.INSIDE);

    MemoryWorld world;
    StepAlertHandler handler;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        handler = new StepAlertHandler(MemoryContext.of(world, CLOCK));
        for (SQSEvent.SQSMessage m : LambdaEvents.load("sqs-case-step-entered.json", SQSEvent.class).getRecords()) {
            JsonNode e = HttpAnswers.json(m.getBody());
            world.cases.put(ReportCase.builder().caseId(e.get("caseId").getStringValue()).tenantId("kotamobagu")
                    .timeZone("Asia/Makassar").trackingCode("KOT-" + e.get("version").getLongValue() + "ABC-9QXD")
                    .kind(CaseKind.valueOf(e.get("kind").getStringValue())).category(e.get("category").getStringValue())
                    .description("uji").area(MOTOBOI).rtId("71.74.02.1007-RT001").privacy(Privacy.PUBLIC)
                    .status(CaseStatus.valueOf(e.get("status").getStringValue())).submittedAt(CLOCK.instant())
                    .version(e.get("version").getLongValue()).deadlineAt(CLOCK.instant().plusSeconds(1800))
                    .citizenSecretHash("h").requestHash("r").build());
        }
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    @Test
    void theKecamatanAndTheKelurahanHearOfTheirStepsOnceAndTheAgencyStepIsLeftToRouting() {
        SQSEvent event = LambdaEvents.load("sqs-case-step-entered.json", SQSEvent.class);
        SQSBatchResponse first = handler.handleRequest(event, null);
        SQSBatchResponse again = handler.handleRequest(event, null);
        assertTrue(first.getBatchItemFailures().isEmpty() && again.getBatchItemFailures().isEmpty());

        List<StepAlerts.StepAlert> alerts = world.notices.alerts;
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(Role.KECAMATAN, alerts.get(0).role());
        assertEquals("71.74.02", alerts.get(0).area());
        assertEquals(Role.KELURAHAN, alerts.get(1).role());
        assertEquals("71.74.02.1007", alerts.get(1).area());
        assertTrue(alerts.get(1).text().contains("\"Diproses kelurahan\", tenggat"), alerts.get(1).text());
        assertEquals(2, world.notices.deliveries.size());
    }

    @Test
    void aFailedPublishFailsOnlyItsRecord() {
        world.notices.refuse(1);
        SQSBatchResponse response = handler.handleRequest(LambdaEvents.load("sqs-case-step-entered.json",
                SQSEvent.class), null);
        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals(1, world.notices.alerts.size());
    }
}
