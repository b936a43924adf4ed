package id.laporwarga.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.memory.MemorySecrets;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.memory.MemoryRoster;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RT activity reports only from the RT head of the verified token, and only rostered RTs on any route. */
class RtBoundSubmissionTest {
    static final String TENANT = "kotakecil";
    final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    final MemoryRoster roster = new MemoryRoster().add(
            MemoryRoster.rt(TENANT, "RT-01", "99.01.01", "99.01.01.1001", "Kelurahan Satu"),
            MemoryRoster.rt(TENANT, "RT-02", "99.01.01", "99.01.01.1001", "Kelurahan Satu"),
            MemoryRoster.rt(TENANT, "RT-OLD", "99.01.01", "99.01.01.1001", "Kelurahan Satu").withActive(false));
    final SubmitReportService service = new SubmitReportService(SubmitReportServiceTest.catalog(Fixtures.squareTenant()),
            cases, SubmitReportServiceTest.uploads(), roster,
            Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC), MemorySecrets.SECRETS);

    static SubmitReportRequest activity(String kind, String rtId) {
        return new SubmitReportRequest(kind, "GOTONG_ROYONG", "Kerja bakti membersihkan selokan RT", 0.25, 120.25,
                null, null, null, rtId, List.of(new PhotoDeclaration("image/jpeg", 1000L)));
    }

    static Caller rtHead(String tenant, String rtId) {
        return Caller.of("head-" + rtId, Role.RT_HEAD, tenant, rtId);
    }

    @Test
    void anRtHeadFilesForTheRtOfTheToken() {
        ReportCase c = service.submitRtActivity(rtHead(TENANT, "RT-01"), activity(null, null), "key-rt-0001")
                .reportCase();
        assertEquals(CaseKind.RT_ACTIVITY, c.kind());
        assertEquals("RT-01", c.rtId());
        assertEquals("head-RT-01", c.history().get(0).actorId(), "the signed-in head is the actor");
        // repeating the token's rtId in the body is fine
        assertEquals("RT-01", service.submitRtActivity(rtHead(TENANT, "RT-01"), activity("RT_ACTIVITY", "RT-01"),
                "key-rt-0002").reportCase().rtId());
    }

    @Test
    void forgedSubmissionsAreRefusedAndNothingIsStored() {
        rejected(ErrorCode.RT_ROUTE_REQUIRED, () -> service.submit(activity("RT_ACTIVITY", "RT-01"), "key-f-0001"));
        rejected(ErrorCode.FORBIDDEN, () -> service.submitRtActivity(rtHead(TENANT, "RT-01"),
                activity(null, "RT-02"), "key-f-0002"));
        rejected(ErrorCode.FORBIDDEN, () -> service.submitRtActivity(Caller.of("k", Role.KELURAHAN, TENANT,
                "99.01.01.1001"), activity(null, null), "key-f-0003"));
        rejected(ErrorCode.UNKNOWN_RT, () -> service.submitRtActivity(rtHead(TENANT, "RT-99"),
                activity(null, null), "key-f-0004"));
        rejected(ErrorCode.UNKNOWN_RT, () -> service.submitRtActivity(rtHead(TENANT, "RT-OLD"),
                activity(null, null), "key-f-0005"));
        rejected(ErrorCode.OUTSIDE_SERVICE_AREA, () -> service.submitRtActivity(rtHead("another-city", "RT-01"),
                activity(null, null), "key-f-0006"));
        rejected(ErrorCode.VALIDATION_FAILED, () -> service.submitRtActivity(rtHead(TENANT, "RT-01"),
                activity("COMPLAINT", null), "key-f-0007"));
        assertTrue(cases.byId.isEmpty());
        assertEquals(0, cases.createCalls);
    }

    @Test
    void aServiceRequestNamesARosteredRt() {
        SubmitReportRequest unknown = new SubmitReportRequest("SERVICE_REQUEST", "SAMPAH", "Mohon surat domisili",
                0.25, 120.25, null, null, null, "RT-MADE-UP", List.of());
        rejected(ErrorCode.UNKNOWN_RT, () -> service.submit(unknown, "key-s-0001"));
        SubmitReportRequest known = new SubmitReportRequest("SERVICE_REQUEST", "SAMPAH", "Mohon surat domisili",
                0.25, 120.25, null, null, null, "RT-02", List.of());
        assertEquals("RT-02", service.submit(known, "key-s-0002").reportCase().rtId());
    }

    private void rejected(ErrorCode code, Executable call) {
        assertEquals(code, assertThrows(DomainException.class, call).code());
    }
}
