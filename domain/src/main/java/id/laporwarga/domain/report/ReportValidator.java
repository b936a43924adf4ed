package id.laporwarga.domain.report;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.tenant.Category;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a submission field by field; all problems are reported at once. */
public final class ReportValidator {
    public static final int MAX_PHOTOS = 5;
    public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    public static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/heic", "image/png");
    public static final int MAX_DESCRIPTION = 2000;
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    private static final Pattern RT_ID = Pattern.compile("[A-Za-z0-9.\\-_]{1,48}");
    private static final Pattern PHONE = Pattern.compile("(\\+62|62|0)8[0-9]{7,12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private ReportValidator() {
    }

    /**
     * A request whose fields all hold valid values. The location may be missing and the photos empty: whether the
     * category allows that is {@link #checkAgainst}'s business once the category is known.
     */
    public record ValidReport(CaseKind kind, String category, String description, GeoPoint location, Privacy privacy,
                              Reporter reporter, String rtId, List<PhotoDeclaration> photos, String tenantId,
                              Channel channel) {
        public ValidReport(CaseKind kind, String category, String description, GeoPoint location, Privacy privacy,
                           Reporter reporter, String rtId, List<PhotoDeclaration> photos) {
            this(kind, category, description, location, privacy, reporter, rtId, photos, null, null);
        }
    }

    /**
     * Whether the report fits its category: a location and photos as the category requires (required, optional,
     * absent); all problems at once.
     */
    public static void checkAgainst(ValidReport report, Category category) {
        FieldErrors errors = new FieldErrors();
        Requirement location = category.location();
        if (!location.allows(report.location() != null)) {
            if (location == Requirement.REQUIRED) {
                errors.required("location");
            } else {
                errors.add("location", "kategori ini tidak memakai lokasi", "this category takes no location");
            }
        }
        Requirement photos = category.photosFor(report.kind());
        if (!photos.allows(!report.photos().isEmpty())) {
            if (photos == Requirement.REQUIRED) {
                errors.add("photos", "jumlah foto harus 1 sampai " + MAX_PHOTOS, "between 1 and " + MAX_PHOTOS + " photos");
            } else {
                errors.add("photos", "kategori ini tidak memakai foto", "this category takes no photos");
            }
        }
        errors.throwIfAny();
    }

    public static ValidReport validate(SubmitReportRequest r) {
        FieldErrors errors = new FieldErrors();
        CaseKind kind = parseEnum(CaseKind.class, r.kind(), "kind", errors, true);
        Privacy privacy = r.privacy() == null ? Privacy.PUBLIC : parseEnum(Privacy.class, r.privacy(), "privacy", errors, false);

        if (r.category() == null || r.category().isBlank()) {
            errors.required("category");
        } else if (!CATEGORY.matcher(r.category()).matches()) {
            errors.add("category", "format kode kategori tidak valid", "invalid category code");
        }
        String description = r.description() == null ? null : r.description().strip();
        if (description == null || description.isEmpty()) {
            errors.required("description");
        } else if (description.length() < 10) {
            errors.add("description", "minimal 10 karakter", "at least 10 characters");
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add("description", "maksimal " + MAX_DESCRIPTION + " karakter", "at most " + MAX_DESCRIPTION + " characters");
        } else if (CONTROL.matcher(description).find()) {
            errors.add("description", "mengandung karakter kontrol", "contains control characters");
        }

        GeoPoint location = null;
        if (r.lat() == null && r.lon() == null) {
            // no place: allowed when the category says so (checkAgainst); the tenant is then named by tenantId
            if (r.tenantId() == null || r.tenantId().isBlank()) {
                errors.required("location");
            }
        } else if (r.lat() == null || r.lon() == null) {
            errors.add("location", "lat dan lon wajib diisi bersama", "lat and lon go together");
        } else if (!GeoPoint.isValid(r.lat(), r.lon())) {
            errors.add("location", "koordinat di luar rentang (lat -90..90, lon -180..180)",
                    "coordinates out of range (lat -90..90, lon -180..180)");
        } else {
            location = new GeoPoint(r.lat(), r.lon());
        }

        Reporter reporter = null;
        if (r.reporterName() != null || r.reporterPhone() != null || r.reporterEmail() != null
                || r.reporterLanguage() != null) {
            String name = r.reporterName() == null ? null : r.reporterName().strip();
            if (name != null && (name.length() > 100 || CONTROL.matcher(name).find())) {
                errors.add("reporter.name", "maksimal 100 karakter tanpa karakter kontrol",
                        "at most 100 characters, no control characters");
            }
            String phone = r.reporterPhone() == null ? null : r.reporterPhone().replaceAll("[\\s-]", "");
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add("reporter.phone", "nomor ponsel Indonesia tidak valid (contoh 081234567890)",
                        "not a valid Indonesian mobile number (e.g. 081234567890)");
            }
            String email = r.reporterEmail() == null ? null : r.reporterEmail().strip();
            if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                errors.add("reporter.email", "alamat e-mail tidak valid (contoh warga@example.com)",
                        "not a valid e-mail address (e.g. warga@example.com)");
            }
            String language = r.reporterLanguage();
            if (language != null && !language.equals("id") && !language.equals(Reporter.ENGLISH)) {
                errors.add("reporter.language", "salah satu dari id, en", "one of id, en");
            }
            reporter = new Reporter(name == null || name.isEmpty() ? null : name, phone, null,
                    email == null || email.isEmpty() ? null : email, language);
        }

        String rtId = r.rtId() == null ? null : r.rtId().strip();
        if (kind == CaseKind.RT_ACTIVITY && (rtId == null || rtId.isEmpty())) {
            errors.add("rtId", "wajib diisi untuk laporan kegiatan RT", "is required for RT activity reports");
        } else if (rtId != null && !RT_ID.matcher(rtId).matches()) {
            errors.add("rtId", "format tidak valid", "invalid format");
        }

        String tenantId = r.tenantId() == null ? null : r.tenantId().strip();
        if (tenantId != null && !CATEGORY.matcher(tenantId).matches()) {
            errors.add("tenantId", "format tidak valid", "invalid format");
        }
        Channel channel = r.channel() == null ? Channel.APP : parseEnum(Channel.class, r.channel(), "channel", errors, false);

        List<PhotoDeclaration> photos = r.photos() == null ? List.of() : r.photos();
        if (photos.size() > MAX_PHOTOS) {
            errors.add("photos", "jumlah foto harus 0 sampai " + MAX_PHOTOS, "between 0 and " + MAX_PHOTOS + " photos");
        }
        DomainException mediaError = null;
        for (int i = 0; i < photos.size(); i++) {
            PhotoDeclaration p = photos.get(i);
            String field = "photos[" + i + "]";
            if (p == null) {
                errors.required(field);
                continue;
            }
            if (p.sizeBytes() == null || p.sizeBytes() <= 0) {
                errors.add(field + ".sizeBytes", "wajib diisi dan lebih dari 0", "is required and must be > 0");
            } else if (p.sizeBytes() > MAX_PHOTO_BYTES && mediaError == null) {
                mediaError = new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                        LocalizedText.of("Ukuran foto maksimal 10 MB.", "Each photo may be at most 10 MB."),
                        java.util.Map.of(field + ".sizeBytes", LocalizedText.of("maksimal 10485760 byte", "at most 10485760 bytes")));
            }
            String type = p.contentType() == null ? null : p.contentType().toLowerCase(Locale.ROOT).strip();
            if (type == null || type.isEmpty()) {
                errors.add(field + ".contentType", "wajib diisi", "is required");
            } else if (!PHOTO_TYPES.contains(type) && mediaError == null) {
                mediaError = new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        LocalizedText.of("Jenis foto harus JPEG, HEIC atau PNG.", "Photos must be JPEG, HEIC or PNG."),
                        java.util.Map.of(field + ".contentType", LocalizedText.of("tidak didukung", "not supported")));
            }
        }
        errors.throwIfAny();
        if (mediaError != null) {
            throw mediaError;
        }
        List<PhotoDeclaration> normalized = photos.stream()
                .map(p -> new PhotoDeclaration(p.contentType().toLowerCase(Locale.ROOT).strip(), p.sizeBytes()))
                .toList();
        return new ValidReport(kind, r.category(), description, location, privacy, reporter, rtId, normalized, tenantId,
                channel);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, FieldErrors errors,
                                                   boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.required(field);
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name());
        }
        errors.add(field, "harus salah satu dari: " + allowed, "must be one of: " + allowed);
        return null;
    }
}
