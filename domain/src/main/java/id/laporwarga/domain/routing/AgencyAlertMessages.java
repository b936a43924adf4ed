package id.laporwarga.domain.routing;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the alert of a routed case: the Indonesian e-mail (tracking code, category, kecamatan/kelurahan, map link,
 * the case's link in the officials' console, due date in WIB/WITA/WIT), the JSON payload for agencies' systems and the
 * message attributes. No photo link: officials open the case (and its photos) in the console, where they sign in, so
 * the link lives as long as the work (a presigned link would die long before a 5-working-day deadline).
 *
 * <p>Privacy: no alert carries the reporter's identity (subject, body, payload, attributes): the contact lives in its
 * own item that route-to-agency cannot read, and an alert is e-mail that can be forwarded. A {@code CONFIDENTIAL} case
 * is marked "RAHASIA" in the subject and body; for a {@code PUBLIC} case the alert says that the officials' dashboard
 * shows the contact the reporter left.
 */
public final class AgencyAlertMessages {
    public static final String PAYLOAD_SCHEMA = "lapor-warga.agency-alert/1";
    public static final String UNKNOWN = "UNKNOWN";
    public static final String PRIORITY_HIGH = "HIGH";
    public static final String PRIORITY_NORMAL = "NORMAL";
    private static final int SUBJECT_MAX = 99;

    private AgencyAlertMessages() {
    }

    /**
     * @param routed        the case as stored after routing (with its assignment)
     * @param alertType     {@link AgencyAlert#CASE_ROUTED} or {@link AgencyAlert#CASE_REROUTED}
     * @param caseLink      the case's link in the officials' console by case id (null: no console configured)
     */
    public static AgencyAlert build(Tenant tenant, ReportCase routed, String alertType,
                                    Function<String, String> caseLink) {
        Assignment assignment = routed.assignment();
        if (assignment == null) {
            throw new IllegalArgumentException("case " + routed.caseId() + " has no assignment");
        }
        ZoneId zone = routed.timeZone() == null ? tenant.zone() : ZoneId.of(routed.timeZone());
        boolean confidential = routed.privacy() == Privacy.CONFIDENTIAL;
        String categoryName = routed.category() == null ? "(tanpa kategori)"
                : tenant.category(routed.category()).map(Category::name).orElse(routed.category());
        AreaRef area = routed.area();
        String kecamatan = area == null ? null : nameOrCode(area.kecamatanName(), area.kecamatanCode());
        String kelurahan = area == null ? null : nameOrCode(area.kelurahanName(), area.kelurahanCode());
        String mapUrl = mapUrl(routed.location());
        long photos = routed.photos().stream()
                .filter(p -> p.objectKey() != null && (p.check() == null || p.check().verdict() != Verdict.REJECTED))
                .count();
        String consoleUrl = caseLink.apply(routed.caseId());
        String due = assignment.dueAt() == null ? null : IndonesianTime.display(assignment.dueAt(), zone);
        String code = routed.trackingCode() == null ? routed.caseId() : routed.trackingCode();

        String subject = subject(routed.status(), code, categoryName, kecamatan, confidential);

        StringBuilder body = new StringBuilder(1024);
        if (confidential) {
            body.append("RAHASIA - laporan ini bersifat rahasia. Jangan diteruskan, dikutip atau dipublikasikan.\n\n");
        }
        body.append(intro(routed.status(), assignment.agencyName(), tenant.name())).append("\n\n");
        line(body, "Kode laporan", code);
        line(body, "Kategori", categoryName);
        line(body, "Kecamatan", kecamatan == null ? "-" : kecamatan);
        line(body, "Kelurahan/Desa", kelurahan == null ? "-" : kelurahan);
        line(body, "Peta lokasi", mapUrl == null ? "-" : mapUrl);
        line(body, "Foto", photos == 0 ? "-" : photos + " foto, lihat di konsol petugas");
        if (consoleUrl != null && routed.status() != CaseStatus.REFERRED_EXTERNAL) {
            line(body, "Buka di konsol petugas", consoleUrl);
        }
        line(body, "Batas tanggapan pertama", due == null ? "-" : due);
        body.append('\n');
        if (routed.description() != null && !routed.description().isBlank()) {
            body.append("Uraian laporan:\n").append(routed.description().strip()).append("\n\n");
        }
        boolean referral = routed.status() == CaseStatus.REFERRED_EXTERNAL;
        body.append("Pelapor: ").append(referral ? "identitas dan kontak pelapor tidak disertakan dalam rujukan"
                : reporterLine(routed.privacy())).append("\n\n");
        body.append("Pesan ini dikirim otomatis oleh Lapor Warga ").append(tenant.name()).append(referral
                ? ". Warga diminta menghubungi instansi Bapak/Ibu dengan menyebutkan kode laporan ini.\n"
                : ". Jangan membalas e-mail ini; tindak lanjuti melalui dasbor petugas.\n");

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("schema", PAYLOAD_SCHEMA);
        payload.put("eventType", alertType);
        payload.put("tenant", routed.tenantId());
        payload.put("caseId", routed.caseId());
        payload.put("trackingCode", code);
        payload.put("kind", routed.kind().name());
        payload.put("category", routed.category() == null ? UNKNOWN : routed.category());
        payload.put("categoryName", categoryName);
        payload.put("status", routed.status().name());
        payload.put("privacy", routed.privacy() == null ? Privacy.PUBLIC.name() : routed.privacy().name());
        payload.put("confidential", confidential);
        payload.put("agencyId", assignment.agencyId());
        payload.put("agencyName", assignment.agencyName());
        if (area != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            putIfNotNull(a, "kecamatanCode", area.kecamatanCode());
            putIfNotNull(a, "kecamatanName", area.kecamatanName());
            putIfNotNull(a, "kelurahanCode", area.kelurahanCode());
            putIfNotNull(a, "kelurahanName", area.kelurahanName());
            payload.put("area", a);
        }
        if (routed.location() != null) {
            payload.put("location", Map.of("lat", routed.location().lat(), "lon", routed.location().lon()));
            payload.put("mapUrl", mapUrl);
        }
        payload.put("photoCount", photos);
        if (consoleUrl != null) {
            payload.put("consoleUrl", consoleUrl);
        }
        payload.put("routedAt", IndonesianTime.isoLocal(assignment.routedAt(), zone));
        if (assignment.dueAt() != null) {
            payload.put("dueAt", IndonesianTime.isoLocal(assignment.dueAt(), zone));
            payload.put("dueAtDisplay", due);
        }
        if (routed.description() != null) {
            payload.put("description", routed.description());
        }

        return new AgencyAlert(assignment.agencyId(), subject, body.toString(), payload,
                attributes(routed, assignment, alertType));
    }

    /** The message attributes SNS filter policies match: every value non-empty (SNS rejects empty strings). */
    static Map<String, String> attributes(ReportCase routed, Assignment assignment, String alertType) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("tenant", routed.tenantId());
        attrs.put("agencyId", assignment.agencyId());
        attrs.put("category", blankToUnknown(routed.category()));
        attrs.put("kecamatan", blankToUnknown(routed.area() == null ? null : routed.area().kecamatanCode()));
        attrs.put("priority", priority(assignment));
        attrs.put("eventType", alertType);
        return attrs;
    }

    /** HIGH when the first response is due within 24 hours of routing (a fast-lane SLA), NORMAL otherwise. */
    static String priority(Assignment assignment) {
        if (assignment.dueAt() != null && assignment.routedAt() != null
                && !Duration.between(assignment.routedAt(), assignment.dueAt()).minusHours(24).isPositive()) {
            return PRIORITY_HIGH;
        }
        return PRIORITY_NORMAL;
    }

    /** OpenStreetMap link with a marker at the reported position. */
    public static String mapUrl(GeoPoint p) {
        if (p == null) {
            return null;
        }
        String lat = String.format(Locale.ROOT, "%.6f", p.lat());
        String lon = String.format(Locale.ROOT, "%.6f", p.lon());
        return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon;
    }

    private static String subject(CaseStatus status, String code, String category, String kecamatan,
                                  boolean confidential) {
        String what = switch (status) {
            case TRIAGE -> "Perlu ditelaah";
            case KELURAHAN_REVIEW -> "Laporan kegiatan RT perlu ditinjau";
            case REFERRED_EXTERNAL -> "Rujukan laporan warga";
            default -> "Laporan baru";
        };
        String s = (confidential ? "[RAHASIA] " : "") + "[Lapor Warga] " + what + " " + code + ": " + category
                + (kecamatan == null ? "" : " - " + kecamatan);
        return asciiSubject(s);
    }

    private static String intro(CaseStatus status, String owner, String tenantName) {
        return switch (status) {
            case REFERRED_EXTERNAL -> "Laporan warga berikut berada di luar kewenangan " + tenantName
                    + " dan dirujuk kepada " + owner + " untuk ditindaklanjuti.";
            case TRIAGE -> "Laporan berikut belum dapat diteruskan otomatis dan perlu ditelaah oleh " + owner
                    + " untuk menentukan instansi yang berwenang.";
            case KELURAHAN_REVIEW -> "Laporan kegiatan RT berikut menunggu tinjauan " + owner + ".";
            default -> "Laporan warga berikut telah diteruskan kepada " + owner + " untuk ditindaklanjuti.";
        };
    }

    private static String reporterLine(Privacy privacy) {
        if (privacy == Privacy.ANONYMOUS) {
            return "anonim (identitas pelapor dirahasiakan)";
        }
        if (privacy == Privacy.CONFIDENTIAL) {
            return "rahasia (identitas pelapor hanya untuk admin kota)";
        }
        return "kontak yang dicantumkan pelapor dapat dilihat petugas berwenang di dasbor";
    }

    /** SNS e-mail subjects: ASCII, no control characters, fewer than 100 characters. */
    static String asciiSubject(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (Character.isWhitespace(c)) {
                sb.append(' ');
            } else if (c == '\u2013' || c == '\u2014') {
                sb.append('-');
            }
        }
        String out = sb.toString().strip();
        return out.length() > SUBJECT_MAX ? out.substring(0, SUBJECT_MAX - 3) + "..." : out;
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(": ").append(value).append('\n');
    }

    private static String nameOrCode(String name, String code) {
        return !isBlank(name) ? name : code;
    }

    private static String blankToUnknown(String v) {
        return isBlank(v) ? UNKNOWN : v;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void putIfNotNull(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
