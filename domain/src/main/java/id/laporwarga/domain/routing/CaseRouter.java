package id.laporwarga.domain.routing;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one resolver of who is responsible for a case, used by the platform's first routing (route-to-agency) and by
 * officials' forward/reroute (review step). All of it is tenant data (adding a category or an agency needs no code
 * change):
 * <ol>
 *   <li>{@code RT_ACTIVITY} reports go to the review chain of their kelurahan ({@code kelurahan:<code>}); without a
 *       known kelurahan, to the triage desk.</li>
 *   <li>{@code SERVICE_REQUEST}s go to their RT, photo or not: never to the complaint triage desk.</li>
 *   <li>Otherwise the category decides: a per-kecamatan override first, then the category's agency (or the agency an
 *       official chose).</li>
 *   <li>An external (vertical) institution: a referral, with a citizen notice naming it.</li>
 *   <li>Unknown category, a category that does not apply to the report's kind, a category without an agency, or an
 *       agency id the tenant does not know: the triage desk ({@code policies.triageAgencyId}).</li>
 * </ol>
 * Which move that is ({@code route}, {@code refer}, {@code triage}) is decided here; the state it leads to and its
 * deadline are the workflow catalogue's ({@link StateMachine}).
 */
public final class CaseRouter {
    /** Agency id used for triage when the tenant names no triage desk. */
    public static final String DEFAULT_TRIAGE_DESK_ID = "triage";
    public static final String KELURAHAN_CHAIN_PREFIX = "kelurahan:";

    /** Why a case goes to the triage desk. */
    public enum TriageReason {
        UNKNOWN_CATEGORY("kategori tidak dikenal"),
        CATEGORY_NOT_FOR_KIND("kategori tidak berlaku untuk jenis laporan ini"),
        NO_AGENCY("kategori belum memiliki instansi penanggung jawab"),
        UNKNOWN_AGENCY("instansi kategori tidak dikenal"),
        NO_KELURAHAN("kelurahan RT tidak diketahui"),
        /** The tenant screens every report first (triage first), or the report has no photo or place to check. */
        SCREENING("penyaringan laporan");

        private final String indonesian;

        TriageReason(String indonesian) {
            this.indonesian = indonesian;
        }

        public String indonesian() {
            return indonesian;
        }
    }

    /**
     * Who is responsible for a case.
     *
     * @param agencyId     the agency, triage desk or review chain; null for {@link RoutingDecision.Outcome#RT}
     * @param category     the category the decision was made on (null when the kind does not route by category or it
     *                     is unknown)
     * @param triageReason for {@link RoutingDecision.Outcome#TRIAGE}: why
     */
    public record Responsible(RoutingDecision.Outcome outcome, String agencyId, String agencyName, boolean external,
                              Category category, TriageReason triageReason) {
        /** The catalogue's routing move for this outcome: {@code route}, {@code refer} or {@code triage}. */
        public String move() {
            return switch (outcome) {
                case REFERRED_EXTERNAL -> WorkflowCatalog.REFER;
                case TRIAGE -> WorkflowCatalog.TRIAGE_MOVE;
                case AGENCY, KELURAHAN_REVIEW, RT -> WorkflowCatalog.ROUTE;
            };
        }
    }

    /** The owner id (and alert {@code agencyId}) of the RT activity review chain of one kelurahan/desa. */
    public static String kelurahanChain(String kelurahanCode) {
        return KELURAHAN_CHAIN_PREFIX + kelurahanCode;
    }

    /**
     * Who is responsible for a case of {@code kind} in {@code category} at {@code area}. {@code chosenAgencyId}, when
     * not null, is an official's choice: it replaces the category's agency (the category must still be known).
     */
    public Responsible responsible(Tenant tenant, CaseKind kind, String categoryCode, AreaRef area,
                                   String chosenAgencyId) {
        if (chosenAgencyId == null && kind == CaseKind.RT_ACTIVITY) {
            if (area == null || area.kelurahanCode() == null) {
                return triage(tenant, TriageReason.NO_KELURAHAN, null);
            }
            String name = area.kelurahanName() == null ? area.kelurahanCode() : area.kelurahanName();
            return new Responsible(RoutingDecision.Outcome.KELURAHAN_REVIEW, kelurahanChain(area.kelurahanCode()),
                    "Kelurahan/Desa " + name, false, null, null);
        }
        if (chosenAgencyId == null && kind == CaseKind.SERVICE_REQUEST) {
            return new Responsible(RoutingDecision.Outcome.RT, null, null, false, null, null);
        }
        Optional<Category> category = categoryCode == null ? Optional.empty() : tenant.category(categoryCode);
        if (category.isEmpty()) {
            return triage(tenant, TriageReason.UNKNOWN_CATEGORY, null);
        }
        if (!category.get().appliesTo(kind)) {
            return triage(tenant, TriageReason.CATEGORY_NOT_FOR_KIND, category.get());
        }
        String agencyId = chosenAgencyId != null ? chosenAgencyId : responsibleAgencyId(category.get(), area);
        if (agencyId == null) {
            return triage(tenant, TriageReason.NO_AGENCY, category.get());
        }
        Optional<Agency> agency = tenant.agency(agencyId);
        if (agency.isEmpty()) {
            return triage(tenant, TriageReason.UNKNOWN_AGENCY, category.get());
        }
        Agency a = agency.get();
        return new Responsible(a.external() ? RoutingDecision.Outcome.REFERRED_EXTERNAL : RoutingDecision.Outcome.AGENCY,
                a.id(), a.name(), a.external(), category.get(), null);
    }

    /** The platform's routing of {@code c} from its current state, with the catalogue's state and deadline. */
    public RoutingDecision decide(Tenant tenant, ReportCase c, Instant now) {
        return decide(StateMachine.forTenant(tenant), tenant, c, now);
    }

    /**
     * @throws DomainException INVALID_TRANSITION when the catalogue lists no such SYSTEM move from the case's state
     */
    public RoutingDecision decide(StateMachine machine, Tenant tenant, ReportCase c, Instant now) {
        Responsible found = responsible(tenant, c.kind(), c.category(), c.area(), null);
        // triage first: the catalogue lists only the triage move here, so the desk screens it before the agency
        boolean screened = found.outcome() != RoutingDecision.Outcome.TRIAGE
                && machine.find(c.kind(), c.status(), found.move()).isEmpty()
                && machine.find(c.kind(), c.status(), WorkflowCatalog.TRIAGE_MOVE).isPresent();
        Responsible r = screened ? triage(tenant, TriageReason.SCREENING, found.category()) : found;
        ActionRule move = machine.find(c.kind(), c.status(), r.move())
                .filter(a -> a.allows(Role.SYSTEM) && a.effect() == ActionRule.Effect.ROUTE)
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_TRANSITION,
                        ErrorCode.INVALID_TRANSITION.defaultMessage(), Map.of("action", LocalizedText.of(
                        "alur " + c.kind() + " tidak memuat '" + r.move() + "' dari " + c.status(),
                        "the " + c.kind() + " workflow has no '" + r.move() + "' from " + c.status()))));
        Instant due = machine.dueAt(c.kind(), move.to(), now);
        return switch (r.outcome()) {
            case AGENCY -> new RoutingDecision(r.outcome(), move.to(), r.agencyId(), r.agencyName(), due,
                    "Diteruskan ke " + r.agencyName(), null, r.move());
            case KELURAHAN_REVIEW -> new RoutingDecision(r.outcome(), move.to(), r.agencyId(), r.agencyName(), due,
                    "Diteruskan untuk ditinjau " + r.agencyName(), null, r.move());
            case RT -> new RoutingDecision(r.outcome(), move.to(), null, null, due,
                    "Diteruskan ke Ketua RT" + (c.rtId() == null ? "" : " " + c.rtId()) + " untuk persetujuan",
                    null, r.move());
            case REFERRED_EXTERNAL -> new RoutingDecision(r.outcome(), move.to(), r.agencyId(), r.agencyName(), due,
                    "Dirujuk ke " + r.agencyName() + " (di luar kewenangan Pemda)",
                    CitizenNotice.referralText(tenant.name(), c.trackingCode(), r.category().name(), r.agencyName()),
                    r.move());
            case TRIAGE -> new RoutingDecision(r.outcome(), move.to(), r.agencyId(), r.agencyName(), due,
                    "Ditelaah admin (" + r.triageReason().indonesian() + ")", null, r.move());
        };
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

    /** The tenant's triage desk ({@code policies.triageAgencyId}, else {@value #DEFAULT_TRIAGE_DESK_ID}). */
    public static Responsible triageDesk(Tenant tenant) {
        return triage(tenant, TriageReason.SCREENING, null);
    }

    private static Responsible triage(Tenant tenant, TriageReason why, Category category) {
        String deskId = Optional.ofNullable(tenant.policies().triageAgencyId()).orElse(DEFAULT_TRIAGE_DESK_ID);
        String deskName = tenant.agency(deskId).map(Agency::name).orElse("Meja Triase " + tenant.name());
        return new Responsible(RoutingDecision.Outcome.TRIAGE, deskId, deskName, false, category, why);
    }
}
