package id.laporwarga.domain.routing;

import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.util.Optional;

/**
 * The routing rules, all of them tenant data (adding a category or an agency needs no code change):
 * <ol>
 *   <li>{@code RT_ACTIVITY} reports go to the review chain of their kelurahan ({@code kelurahan:<code>},
 *       status {@code KELURAHAN_REVIEW}); without a known kelurahan, to the triage desk.</li>
 *   <li>Otherwise the category decides: a per-kecamatan override first, then the category's agency.</li>
 *   <li>An external (vertical) institution: status {@code REFERRED_EXTERNAL} with a citizen notice naming it.</li>
 *   <li>Unknown category, a category that does not apply to the report's kind, a category without an agency, or an
 *       agency id the tenant does not know: the triage desk ({@code policies.triageAgencyId}), status
 *       {@code TRIAGE}.</li>
 * </ol>
 */
public final class CaseRouter {
    /** Agency id used for triage when the tenant names no triage desk. */
    public static final String DEFAULT_TRIAGE_DESK_ID = "triage";
    public static final String KELURAHAN_CHAIN_PREFIX = "kelurahan:";

    /** The owner id (and alert {@code agencyId}) of the RT activity review chain of one kelurahan/desa. */
    public static String kelurahanChain(String kelurahanCode) {
        return KELURAHAN_CHAIN_PREFIX + kelurahanCode;
    }

    public RoutingDecision decide(Tenant tenant, ReportCase c, Instant now) {
        WorkingCalendar calendar = tenant.calendar();
        var sla = tenant.policies().sla();
        if (c.kind() == CaseKind.RT_ACTIVITY) {
            AreaRef area = c.area();
            if (area == null || area.kelurahanCode() == null) {
                return triage(tenant, now, "kelurahan RT tidak diketahui");
            }
            String name = area.kelurahanName() == null ? area.kelurahanCode() : area.kelurahanName();
            return new RoutingDecision(RoutingDecision.Outcome.KELURAHAN_REVIEW, CaseStatus.KELURAHAN_REVIEW,
                    kelurahanChain(area.kelurahanCode()), "Kelurahan/Desa " + name,
                    DueDates.firstResponse(sla, calendar, now), "Diteruskan untuk ditinjau Kelurahan/Desa " + name, null);
        }
        Optional<Category> category = c.category() == null ? Optional.empty() : tenant.category(c.category());
        if (category.isEmpty()) {
            return triage(tenant, now, "kategori tidak dikenal");
        }
        if (!category.get().appliesTo(c.kind())) {
            return triage(tenant, now, "kategori tidak berlaku untuk jenis laporan ini");
        }
        String agencyId = responsibleAgencyId(category.get(), c.area());
        if (agencyId == null) {
            return triage(tenant, now, "kategori belum memiliki instansi penanggung jawab");
        }
        Optional<Agency> agency = tenant.agency(agencyId);
        if (agency.isEmpty()) {
            return triage(tenant, now, "instansi kategori tidak dikenal");
        }
        Agency a = agency.get();
        if (a.external()) {
            return new RoutingDecision(RoutingDecision.Outcome.REFERRED_EXTERNAL, CaseStatus.REFERRED_EXTERNAL,
                    a.id(), a.name(), null, "Dirujuk ke " + a.name() + " (di luar kewenangan Pemda)",
                    referralNotice(tenant, c, category.get(), a));
        }
        return new RoutingDecision(RoutingDecision.Outcome.AGENCY, CaseStatus.ROUTED, a.id(), a.name(),
                DueDates.firstResponse(sla, calendar, now), "Diteruskan ke " + a.name(), null);
    }

    /** The kecamatan override of the report's area if there is one, else the category's agency (may be null). */
    static String responsibleAgencyId(Category category, AreaRef area) {
        if (area != null && area.kecamatanCode() != null) {
            String override = category.kecamatanOverrides().get(area.kecamatanCode());
            if (override != null) {
                return override;
            }
        }
        return category.agencyId();
    }

    private static RoutingDecision triage(Tenant tenant, Instant now, String why) {
        String deskId = Optional.ofNullable(tenant.policies().triageAgencyId()).orElse(DEFAULT_TRIAGE_DESK_ID);
        String deskName = tenant.agency(deskId).map(Agency::name).orElse("Meja Triase " + tenant.name());
        return new RoutingDecision(RoutingDecision.Outcome.TRIAGE, CaseStatus.TRIAGE, deskId, deskName,
                DueDates.triage(tenant.policies().sla(), tenant.calendar(), now),
                "Ditelaah admin (" + why + ")", null);
    }

    /** What the reporter is told when the complaint belongs to a vertical institution: never a silent drop. */
    static LocalizedText referralNotice(Tenant tenant, ReportCase c, Category category, Agency institution) {
        return CitizenNotice.referralText(tenant.name(), c.trackingCode(), category.name(), institution.name());
    }
}
