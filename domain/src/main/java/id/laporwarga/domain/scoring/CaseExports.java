package id.laporwarga.domain.scoring;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Maps a case to its export record: the one place that decides what analysts may see. */
public final class CaseExports {
    private CaseExports() {
    }

    public static CaseExportRecord toRecord(ReportCase c) {
        boolean confidential = c.privacy() == Privacy.CONFIDENTIAL;
        ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
        Instant resolved = null, closed = null, approved = null, issued = null, rtEntered = null;
        int reopened = 0, returned = 0;
        for (HistoryEntry h : c.history()) {
            if (h.to() == CaseStatus.RESOLVED && resolved == null) {
                resolved = h.at();
            } else if (h.to() == CaseStatus.CLOSED && closed == null) {
                closed = h.at();
            } else if (h.to() == CaseStatus.APPROVED && approved == null) {
                approved = h.at();
            } else if (h.to() == CaseStatus.REOPENED) {
                reopened++;
            } else if (h.to() == CaseStatus.RETURNED) {
                returned++;
            } else if (h.to() == CaseStatus.KECAMATAN_ISSUED && issued == null) {
                issued = h.at();
            }
            if (h.to() == CaseStatus.RT_APPROVAL && rtEntered == null) {
                rtEntered = h.at();
            }
        }
        long[] tiers = tierMinutes(c.history());
        Instant resolution = resolved != null ? resolved : closed;
        Long minutes = resolution == null || c.createdAt() == null ? null
                : Math.max(0, Duration.between(c.createdAt(), resolution).toMinutes());
        Verdict verdict = null;
        for (Photo p : c.photos()) {
            if (p.check() != null) {
                verdict = verdict == null ? p.check().verdict() : verdict.worst(p.check().verdict());
            }
        }
        var area = c.area();
        var a = c.assignment();
        HistoryEntry last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
        return new CaseExportRecord(c.tenantId(), c.createdAt() == null ? null : IndonesianTime.period(c.createdAt(), zone),
                c.caseId(), confidential ? null : c.trackingCode(), c.kind().name(), c.category(),
                c.privacy() == null ? null : c.privacy().name(), c.status().name(), c.status().isTerminal(),
                iso(c.createdAt()), iso(c.updatedAt()),
                area == null ? null : area.kecamatanCode(), area == null ? null : area.kecamatanName(),
                area == null ? null : area.kelurahanCode(), area == null ? null : area.kelurahanName(),
                confidential ? null : c.rtId(),
                confidential || c.location() == null ? null : round(c.location().lat()),
                confidential || c.location() == null ? null : round(c.location().lon()),
                a == null ? null : a.agencyId(), a == null ? null : a.agencyName(), a == null ? null : a.external(),
                a == null ? null : iso(a.routedAt()), a == null ? null : iso(a.dueAt()), c.overdue(),
                iso(resolved), iso(closed), iso(approved), minutes, c.photos().size(),
                verdict == null ? null : verdict.name(), c.verificationReasons(), c.history().size(), reopened, returned,
                last == null ? null : last.action(), tierOrNull(tiers, RT), tierOrNull(tiers, KELURAHAN),
                tierOrNull(tiers, KECAMATAN), tierOrNull(tiers, CITY), iso(issued),
                rtEntered == null || issued == null ? null : Math.max(0, Duration.between(rtEntered, issued).toMinutes()));
    }

    private static final int RT = 0, KELURAHAN = 1, KECAMATAN = 2, CITY = 3;

    /** The review tier that acts in a state, or -1 (the citizen, the system, an agency, or an end state). */
    static int tier(CaseStatus s) {
        return switch (s) {
            case RT_APPROVAL -> RT;
            case KELURAHAN_REVIEW, KELURAHAN_PROCESSING -> KELURAHAN;
            case KECAMATAN_REVIEW -> KECAMATAN;
            case CITY_REVIEW -> CITY;
            default -> -1;
        };
    }

    /** Minutes of completed stays per tier (-1 = never there); a stay still open at export time is not counted. */
    private static long[] tierMinutes(List<HistoryEntry> history) {
        long[] minutes = {-1, -1, -1, -1};
        for (int i = 0; i + 1 < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            if (entry.to() == null || tier(entry.to()) < 0 || (i > 0 && history.get(i - 1).to() == entry.to())) {
                continue; // not a tier's state, or the same stay going on
            }
            Instant left = null;
            for (int j = i + 1; j < history.size() && left == null; j++) {
                if (history.get(j).to() != entry.to()) {
                    left = history.get(j).at();
                }
            }
            if (left != null) {
                int t = tier(entry.to());
                minutes[t] = Math.max(0, minutes[t]) + Math.max(0, Duration.between(entry.at(), left).toMinutes());
            }
        }
        return minutes;
    }

    private static Long tierOrNull(long[] minutes, int tier) {
        return minutes[tier] < 0 ? null : minutes[tier];
    }

    /** Exported positions are rounded to 3 decimals (about 100 m): enough for maps, not for a front door. */
    static Double round(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
