package id.laporwarga.domain.error;

/**
 * Stable error codes of the public API. The code and HTTP status never change once published;
 * clients switch on {@link #name()}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Data laporan tidak valid.", "The request is not valid."),
    MALFORMED_JSON(400, "Isi permintaan bukan JSON yang benar.", "The request body is not valid JSON."),
    MISSING_IDEMPOTENCY_KEY(400, "Header Idempotency-Key wajib diisi.", "The Idempotency-Key header is required."),
    UNAUTHORIZED(401, "Anda harus masuk terlebih dahulu.", "Authentication is required."),
    FORBIDDEN(403, "Anda tidak berwenang melakukan tindakan ini.", "You are not allowed to do this."),
    RT_ROUTE_REQUIRED(403, "Laporan kegiatan RT dikirim oleh ketua RT yang sudah masuk, melalui POST /v1/rt/reports.",
            "RT activity reports are filed by a signed-in RT head at POST /v1/rt/reports."),
    NOT_FOUND(404, "Data tidak ditemukan.", "Not found."),
    METHOD_NOT_ALLOWED(405, "Metode tidak didukung.", "Method not allowed."),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency-Key sudah dipakai untuk laporan lain.",
            "This Idempotency-Key was already used with a different request."),
    VERSION_CONFLICT(409, "Data sudah diubah oleh petugas lain. Muat ulang lalu coba lagi.",
            "The case was changed by someone else. Reload and try again."),
    BOUNDARY_OVERLAP(409, "Batas wilayah tumpang tindih dengan wilayah pemda lain.",
            "The boundary overlaps another tenant's area."),
    PAYLOAD_TOO_LARGE(413, "Ukuran data terlalu besar.", "The payload is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "Jenis konten tidak didukung.", "Unsupported media type."),
    OUTSIDE_SERVICE_AREA(422, "Lokasi berada di luar wilayah layanan.", "The location is outside every service area."),
    UNKNOWN_RT(422, "RT tidak terdaftar di daftar RT pemda ini.", "This RT is not in the tenant's RT roster."),
    UNKNOWN_CATEGORY(422, "Kategori tidak dikenal untuk wilayah ini.", "Unknown category for this tenant."),
    INVALID_TRANSITION(422, "Tindakan ini tidak dapat dilakukan pada status laporan saat ini.",
            "This action is not allowed in the case's current state."),
    TOO_MANY_REQUESTS(429, "Terlalu banyak permintaan. Coba lagi nanti.", "Too many requests."),
    INTERNAL_ERROR(500, "Terjadi kesalahan pada sistem. Silakan coba lagi.", "Internal error. Please try again."),
    SERVICE_UNAVAILABLE(503, "Layanan sedang sibuk. Silakan coba lagi.", "The service is temporarily unavailable.");

    private final int httpStatus;
    private final LocalizedText defaultMessage;

    ErrorCode(int httpStatus, String indonesian, String english) {
        this.httpStatus = httpStatus;
        this.defaultMessage = new LocalizedText(indonesian, english);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public LocalizedText defaultMessage() {
        return defaultMessage;
    }
}
