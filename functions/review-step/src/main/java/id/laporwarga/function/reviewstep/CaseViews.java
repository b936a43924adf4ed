package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.ServiceTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON trees of cases for officials: the inbox line and the full view. Times in UTC plus the tenant's local time. */
final class CaseViews {
    private CaseViews() {
    }

    static Map<String, Object> summary(ReportCase c, List<ActionRule> actions, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", c.caseId());
        m.put("trackingCode", c.trackingCode());
        m.put("kind", c.kind().name());
        m.put("category", c.category());
        m.put("status", c.status().name());
        m.put("statusLabel", c.status().label().in(locale));
        m.put("version", c.version());
        m.put("createdAt", time(c.createdAt(), c));
        m.put("deadlineAt", time(c.deadlineAt(), c));
        m.put("overdue", c.overdue());
        m.put("rtId", c.rtId());
        if (c.area() != null) {
            m.put("kecamatan", c.area().kecamatanName());
            m.put("kelurahan", c.area().kelurahanName());
        }
        if (c.assignment() != null) {
            m.put("agencyId", c.assignment().agencyId());
        }
        m.put("actions", actions.stream().map(ActionRule::name).toList());
        return m;
    }

    static Map<String, Object> full(ReportCase c, Caller caller, List<ActionRule> actions, PhotoUploads links,
                                    List<String> attachmentKeys, Locale locale) {
        Map<String, Object> m = summary(c, actions, locale);
        m.put("description", c.description());
        m.put("privacy", c.privacy() == null ? null : c.privacy().name());
        if (c.location() != null) {
            m.put("location", Map.of("lat", c.location().lat(), "lon", c.location().lon()));
        }
        if (c.area() != null) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("kecamatanCode", c.area().kecamatanCode());
            area.put("kecamatanName", c.area().kecamatanName());
            area.put("kelurahanCode", c.area().kelurahanCode());
            area.put("kelurahanName", c.area().kelurahanName());
            area.put("kelurahanMatch", c.area().kelurahanMatch() == null ? null : c.area().kelurahanMatch().name());
            m.put("area", area);
        }
        if (c.reporter() != null && AccessPolicy.canSeeReporter(caller, c)) {
            Map<String, Object> reporter = new LinkedHashMap<>();
            reporter.put("name", c.reporter().name());
            reporter.put("phone", c.reporter().phone());
            m.put("reporter", reporter);
        }
        List<Map<String, Object>> photos = new ArrayList<>();
        for (Photo p : c.photos()) {
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("photoId", p.photoId());
            photo.put("contentType", p.contentType());
            photo.put("url", links.presignDownload(p.objectKey()));
            if (p.check() != null) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("verdict", p.check().verdict() == null ? null : p.check().verdict().name());
                check.put("reason", p.check().reason());
                if (p.check().readLocation() != null) {
                    check.put("readLocation", Map.of("lat", p.check().readLocation().lat(),
                            "lon", p.check().readLocation().lon()));
                }
                check.put("distanceMeters", p.check().distanceMeters());
                check.put("capturedAt", time(p.check().capturedAt(), c));
                check.put("checkedAt", time(p.check().checkedAt(), c));
                photo.put("check", check);
            }
            photos.add(photo);
        }
        m.put("photos", photos);
        m.put("attachments", attachmentKeys.stream().map(k -> Map.of(
                "name", k.substring(k.lastIndexOf('/') + 1), "url", links.presignDownload(k))).toList());
        m.put("verificationReasons", c.verificationReasons());
        if (c.assignment() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("agencyId", c.assignment().agencyId());
            a.put("agencyName", c.assignment().agencyName());
            a.put("external", c.assignment().external());
            a.put("routedAt", time(c.assignment().routedAt(), c));
            a.put("dueAt", time(c.assignment().dueAt(), c));
            m.put("assignment", a);
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (HistoryEntry h : c.history()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", time(h.at(), c));
            e.put("actorId", h.actorId());
            e.put("actorRole", h.actorRole());
            e.put("action", h.action());
            e.put("from", h.from() == null ? null : h.from().name());
            e.put("to", h.to() == null ? null : h.to().name());
            e.put("note", h.note());
            history.add(e);
        }
        m.put("history", history);
        m.put("timings", timings(c));
        return m;
    }

    /** Time spent per tier (from the history) and end to end. */
    static Map<String, Object> timings(ReportCase c) {
        ServiceTimes.CaseTimes t = ServiceTimes.of(c);
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (ServiceTimes.TierTime tier : t.tiers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", tier.status() == null ? null : tier.status().name());
            e.put("enteredAt", time(tier.enteredAt(), c));
            e.put("leftAt", time(tier.leftAt(), c));
            e.put("seconds", tier.seconds());
            tiers.add(e);
        }
        m.put("tiers", tiers);
        m.put("endToEndSeconds", t.endToEndSeconds());
        return m;
    }

    /** {@code {"utc": ..., "local": "2026-05-20T09:00:00+08:00", "display": "20 Mei 2026 09:00 WITA"}} or null. */
    static Map<String, Object> time(Instant instant, ReportCase c) {
        if (instant == null) {
            return null;
        }
        ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("utc", instant.toString());
        m.put("local", IndonesianTime.isoLocal(instant, zone));
        m.put("display", IndonesianTime.display(instant, zone));
        return m;
    }
}
