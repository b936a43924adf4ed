package id.laporwarga.function.submitreport;

import id.laporwarga.domain.geotag.CaseVerdicts;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What anyone holding a tracking code may see. Never the reporter's identity or contact, never raw photo coordinates;
 * a CONFIDENTIAL case shows its status only.
 */
final class PublicReportView {
    private PublicReportView() {
    }

    static Map<String, Object> of(ReportCase c, Optional<Tenant> tenant, Locale locale) {
        ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackingCode", c.trackingCode());
        view.put("status", c.status().name());
        view.put("statusLabel", c.status().label().in(locale));
        view.put("updatedAt", c.updatedAt().toString());
        view.put("updatedAtLocal", IndonesianTime.display(c.updatedAt(), zone));
        if (c.privacy() == Privacy.CONFIDENTIAL) {
            view.put("confidential", true);
            return view;
        }
        view.put("kind", c.kind().name());
        view.put("category", c.category());
        tenant.flatMap(t -> t.category(c.category())).ifPresent(cat -> view.put("categoryName", cat.name()));
        tenant.ifPresent(t -> view.put("tenant", Map.of("id", t.id(), "name", t.name())));
        if (c.area() != null) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("kecamatanCode", c.area().kecamatanCode());
            area.put("kecamatan", c.area().kecamatanName());
            area.put("kelurahanCode", c.area().kelurahanCode());
            area.put("kelurahan", c.area().kelurahanName());
            view.put("area", area);
        }
        view.put("createdAt", c.createdAt().toString());
        view.put("createdAtLocal", IndonesianTime.display(c.createdAt(), zone));
        view.put("timeZone", IndonesianTime.abbreviation(zone));
        if (!c.verificationReasons().isEmpty()) {
            view.put("reasons", c.verificationReasons());
            tenant.ifPresent(t -> view.put("notices", CaseVerdicts.citizenMessages(c, t).stream()
                    .map(m -> m.in(locale)).toList()));
        }
        if (c.assignment() != null && c.assignment().agencyName() != null) {
            view.put("handledBy", c.assignment().agencyName());
            if (c.assignment().dueAt() != null && !c.status().isTerminal()) {
                view.put("dueAtLocal", IndonesianTime.display(c.assignment().dueAt(), zone));
            }
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (HistoryEntry h : c.history()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", h.to().name());
            entry.put("statusLabel", h.to().label().in(locale));
            entry.put("at", h.at().toString());
            entry.put("atLocal", IndonesianTime.display(h.at(), zone));
            history.add(entry);
        }
        view.put("history", history);
        return view;
    }

    static boolean isPubliclyFinal(CaseStatus status) {
        return status.isTerminal();
    }
}
