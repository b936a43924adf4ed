package id.laporwarga.domain.report;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.domain.tenant.Tenant;
import java.util.Locale;
import java.util.Map;

/**
 * Who may name which RT in a submission. RT activity reports come only from a signed-in RT head, for the RT of the
 * verified token (the body may repeat it, never change it); every rtId named on any route must be an active RT of the
 * tenant's roster. Checked before anything is stored.
 */
public final class RtReports {
    private final Roster roster;

    public RtReports(Roster roster) {
        this.roster = roster;
    }

    /**
     * The request of {@code POST /v1/rt/reports} bound to the caller's RT: kind RT_ACTIVITY and rtId from the verified
     * token. FORBIDDEN unless the caller is an RT head and any rtId in the body is the token's.
     */
    public static SubmitReportRequest bind(Caller caller, SubmitReportRequest r) {
        if (caller.role() != Role.RT_HEAD || caller.rtId() == null) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Hanya ketua RT yang dapat mengirim laporan kegiatan RT.", "Only RT heads can file RT activity reports."));
        }
        if (r.rtId() != null && !r.rtId().strip().equals(caller.rtId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Anda hanya dapat melapor untuk RT Anda sendiri.", "You can only report for your own RT."),
                    Map.of("rtId", LocalizedText.of("bukan RT Anda", "not your RT")));
        }
        if (r.kind() != null && !CaseKind.RT_ACTIVITY.name().equals(r.kind().strip().toUpperCase(Locale.ROOT))) {
            throw DomainException.validation(Map.of("kind", LocalizedText.of(
                    "rute ini hanya untuk RT_ACTIVITY", "this route takes RT_ACTIVITY only")));
        }
        return new SubmitReportRequest(CaseKind.RT_ACTIVITY.name(), r.category(), r.description(), r.lat(), r.lon(),
                r.privacy(), r.reporterName(), r.reporterPhone(), caller.rtId(), r.photos());
    }

    /**
     * Checks a valid submission located in {@code tenant}: {@code rtHead} is the signed-in RT head of
     * {@code POST /v1/rt/reports} (null on the public route, where RT activity reports are refused), and the rtId, when
     * named, must be an active RT of the tenant's roster (422 UNKNOWN_RT).
     */
    public void check(ReportValidator.ValidReport valid, Tenant tenant, Caller rtHead) {
        if (valid.kind() == CaseKind.RT_ACTIVITY && rtHead == null) {
            throw new DomainException(ErrorCode.RT_ROUTE_REQUIRED);
        }
        if (rtHead != null && !tenant.id().equals(rtHead.tenantId())) {
            throw new DomainException(ErrorCode.OUTSIDE_SERVICE_AREA, LocalizedText.of(
                    "Lokasi berada di luar wilayah pemda Anda.", "The location is outside your tenant's area."),
                    Map.of("location", LocalizedText.of("di luar wilayah " + rtHead.tenantId(),
                            "outside " + rtHead.tenantId())));
        }
        if (valid.rtId() != null && !roster.isActive(tenant.id(), valid.rtId())) {
            throw new DomainException(ErrorCode.UNKNOWN_RT, ErrorCode.UNKNOWN_RT.defaultMessage(),
                    Map.of("rtId", LocalizedText.of("tidak ada di daftar RT " + tenant.name(),
                            "not in the RT roster of " + tenant.name())));
        }
    }
}
