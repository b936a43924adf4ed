package id.laporwarga.domain.report;

import java.util.List;

/**
 * A submission as parsed from the client's JSON, before validation: every field may be missing or wrong.
 * Coordinates are boxed so a missing value can be told from 0.
 */
public record SubmitReportRequest(String kind, String category, String description, Double lat, Double lon,
                                  String privacy, String reporterName, String reporterPhone, String rtId,
                                  List<PhotoDeclaration> photos, String tenantId, String channel,
                                  String reporterEmail, String reporterLanguage) {
    /** A request without tenant (found from the location), channel (APP), the reporter's e-mail or language. */
    public SubmitReportRequest(String kind, String category, String description, Double lat, Double lon,
                               String privacy, String reporterName, String reporterPhone, String rtId,
                               List<PhotoDeclaration> photos) {
        this(kind, category, description, lat, lon, privacy, reporterName, reporterPhone, rtId, photos, null, null);
    }

    /** A request with tenant and channel, without the reporter's e-mail or language. */
    public SubmitReportRequest(String kind, String category, String description, Double lat, Double lon,
                               String privacy, String reporterName, String reporterPhone, String rtId,
                               List<PhotoDeclaration> photos, String tenantId, String channel) {
        this(kind, category, description, lat, lon, privacy, reporterName, reporterPhone, rtId, photos, tenantId,
                channel, null, null);
    }

    /** A stable text form of the request, hashed to tell a retry from a different request under the same key. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind).append('\u001f').append(category).append('\u001f').append(description).append('\u001f')
                .append(lat).append('\u001f').append(lon).append('\u001f').append(privacy).append('\u001f')
                .append(reporterName).append('\u001f').append(reporterPhone).append('\u001f').append(rtId);
        if (tenantId != null || channel != null) {
            sb.append('\u001f').append(tenantId).append('\u001f').append(channel);
        }
        if (reporterEmail != null || reporterLanguage != null) {
            // its own separator: an e-mail and language never hash like a tenant and channel
            sb.append('\u001d').append(reporterEmail).append('\u001f').append(reporterLanguage);
        }
        if (photos != null) {
            for (PhotoDeclaration p : photos) {
                sb.append('\u001e').append(p == null ? "null" : p.contentType() + "/" + p.sizeBytes());
            }
        }
        return sb.toString();
    }
}
