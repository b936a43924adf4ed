package id.laporwarga.platform.tenant;

import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.BoundaryFingerprint;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.platform.json.JsonTrees;
import java.io.ByteArrayInputStream;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.GeotagPolicy;
import id.laporwarga.domain.tenant.NotificationChannel;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.platform.json.JsonFields;
import io.micronaut.json.tree.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a tenant document (the body of {@code PUT /v1/admin/tenants/{tenantId}}): every problem is
 * reported as a field error, and a document that parses is consistent (categories point at known agencies, the
 * boundaries hold polygons, the zone exists).
 */
public final class TenantDocuments {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9\\-]{1,39}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private TenantDocuments() {
    }

    /**
     * Parses a whole document, boundaries included ({@code boundaries}: a FeatureCollection): the sample tenants and
     * tests. Requests go through {@link BoundaryFiles#split} and {@link #parse(JsonNode, String, Boundaries)}.
     */
    public static Tenant parse(JsonNode root, String expectedId) {
        JsonNode fc = root != null && root.isObject() ? root.get("boundaries") : null;
        if (fc == null || fc.isNull()) {
            return parse(root, expectedId, null);
        }
        List<AdminBoundary> list;
        try {
            list = BoundaryFiles.read(new ByteArrayInputStream(JsonTrees.bytes(fc)), "boundaries", true);
        } catch (DomainException e) {
            FieldErrors errors = new FieldErrors();
            e.fieldErrors().forEach((f, m) -> errors.add(f, m.id(), m.en()));
            try {
                parse(root, expectedId, null);
            } catch (DomainException other) {
                other.fieldErrors().forEach((f, m) -> {
                    if (!"boundaries".equals(f)) {
                        errors.add(f, m.id(), m.en());
                    }
                });
            }
            throw DomainException.validation(errors.asMap());
        }
        return parse(root, expectedId, Boundaries.of(BoundaryFingerprint.of(list), list));
    }

    /**
     * Parses the document part (its {@code boundaries} member, if any, is ignored) with the tenant's boundaries given
     * apart: new ones, or the stored ones (loaded lazily). Null boundaries are reported as missing.
     */
    public static Tenant parse(JsonNode root, String expectedId, Boundaries boundaries) {
        JsonFields doc = JsonFields.root(root);
        FieldErrors errors = doc.errors();
        String id = doc.string("id");
        if (id == null) {
            id = expectedId;
        }
        if (id == null || !ID.matcher(id).matches()) {
            errors.add("id", "huruf kecil, angka dan '-' (2-40 karakter)", "lower-case letters, digits and '-' (2-40 chars)");
        } else if (expectedId != null && !expectedId.equals(id)) {
            errors.add("id", "harus sama dengan {tenantId} pada URL", "must equal the {tenantId} in the path");
        }
        String name = doc.string("name");
        if (name == null || name.isBlank()) {
            errors.required("name");
        }
        ZoneId zone = null;
        String zoneText = doc.string("timeZone");
        if (zoneText == null) {
            errors.required("timeZone");
        } else {
            try {
                zone = IndonesianTime.parseZone(zoneText);
            } catch (RuntimeException e) {
                errors.add("timeZone", "zona waktu tidak dikenal (WIB, WITA, WIT)", "unknown time zone (WIB, WITA, WIT)");
            }
        }
        if (boundaries == null) {
            errors.required("boundaries");
        }
        TenantAreas areas = boundaries == null ? new TenantAreas(List.of(), List.of()) : boundaries.areas();
        Set<String> kelurahanCodes = new HashSet<>();
        areas.kelurahan().forEach(a -> kelurahanCodes.add(a.code()));
        Set<String> kecamatanCodes = new HashSet<>();
        areas.kecamatan().forEach(a -> kecamatanCodes.add(a.code()));
        List<Agency> agencies = parseAgencies(doc, errors, kelurahanCodes, kecamatanCodes);
        Set<String> agencyIds = new HashSet<>();
        agencies.forEach(a -> agencyIds.add(a.id()));
        List<Category> categories = parseCategories(doc, errors, agencyIds);
        TenantPolicies policies = parsePolicies(doc.object("policies"), errors, agencyIds);

        errors.throwIfAny();
        try {
            return new Tenant(id, name, zone, boundaries, categories, agencies, policies);
        } catch (IllegalArgumentException e) {
            errors.add("boundaries", "batas wilayah tidak valid: " + e.getMessage(), "invalid boundaries: " + e.getMessage());
            errors.throwIfAny();
            throw e;
        }
    }

    private static List<Agency> parseAgencies(JsonFields doc, FieldErrors errors, Set<String> kelurahanCodes,
                                              Set<String> kecamatanCodes) {
        List<JsonFields> list = doc.objects("agencies");
        List<Agency> out = new ArrayList<>();
        if (list == null || list.isEmpty()) {
            errors.add("agencies", "minimal satu instansi", "at least one agency");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields a = list.get(i);
            if (a == null) {
                continue;
            }
            String field = "agencies[" + i + "]";
            String id = a.string("id");
            String name = a.string("name");
            if (id == null || !CODE.matcher(id).matches()) {
                errors.add(field + ".id", "wajib diisi (huruf, angka, _ -)", "required (letters, digits, _ -)");
                continue;
            }
            if (!seen.add(id)) {
                errors.add(field + ".id", "duplikat", "duplicate");
            }
            if (name == null || name.isBlank()) {
                errors.required(field + ".name");
                continue;
            }
            List<NotificationChannel> channels = new ArrayList<>();
            List<JsonFields> chs = a.objects("channels");
            if (chs != null) {
                for (int j = 0; j < chs.size(); j++) {
                    JsonFields ch = chs.get(j);
                    if (ch == null) {
                        continue;
                    }
                    String cf = field + ".channels[" + j + "]";
                    String type = ch.string("type");
                    String endpoint = ch.string("endpoint");
                    NotificationChannel.Type t = null;
                    try {
                        t = type == null ? null : NotificationChannel.Type.valueOf(type.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        // reported below
                    }
                    if (t == null) {
                        errors.add(cf + ".type", "EMAIL, SQS atau HTTPS", "EMAIL, SQS or HTTPS");
                    } else if (endpoint == null || !validEndpoint(t, endpoint)) {
                        errors.add(cf + ".endpoint", "alamat tidak valid untuk " + t, "invalid endpoint for " + t);
                    } else {
                        channels.add(new NotificationChannel(t, endpoint));
                    }
                }
            }
            List<String> reviews = a.strings("reviewsKelurahan");
            List<String> reviewsKelurahan = new ArrayList<>();
            if (reviews != null) {
                for (int j = 0; j < reviews.size(); j++) {
                    String code = reviews.get(j);
                    if (code == null || !kelurahanCodes.contains(code)) {
                        errors.add(field + ".reviewsKelurahan[" + j + "]", "kode kelurahan/desa tidak ada di batas wilayah",
                                "not a kelurahan/desa code of the boundaries");
                    } else if (!reviewsKelurahan.contains(code)) {
                        reviewsKelurahan.add(code);
                    }
                }
            }
            Boolean external = a.bool("external");
            String contact = a.string("publicContact");
            if (contact != null && (contact.isBlank() || contact.length() > 300)) {
                errors.add(field + ".publicContact", "1-300 karakter", "1-300 characters");
            }
            out.add(new Agency(id, name, Boolean.TRUE.equals(external), channels, reviewsKelurahan,
                    follows(a.strings("follows"), field, errors, kelurahanCodes, kecamatanCodes), contact,
                    advice(a.object("advice"), field, errors)));
        }
        return out;
    }

    /** What a referred citizen can do: {@code {"id": "...", "en": "..."}} (English optional), each at most 500 characters. */
    private static LocalizedText advice(JsonFields advice, String field, FieldErrors errors) {
        if (advice == null) {
            return null;
        }
        String id = advice.string("id");
        String en = advice.string("en");
        if (id == null || id.isBlank() || id.length() > 500 || en != null && en.length() > 500) {
            errors.add(field + ".advice", "{\"id\": \"...\", \"en\": \"...\"}, maksimal 500 karakter",
                    "{\"id\": \"...\", \"en\": \"...\"}, at most 500 characters");
            return null;
        }
        return LocalizedText.of(id, en == null || en.isBlank() ? id : en);
    }

    /** The step-alert areas an office follows: {@code rt:<rtId>}, {@code kelurahan:<code>}, {@code kecamatan:<code>}, {@code city}. */
    private static List<String> follows(List<String> keys, String field, FieldErrors errors, Set<String> kelurahanCodes,
                                        Set<String> kecamatanCodes) {
        List<String> out = new ArrayList<>();
        for (int j = 0; keys != null && j < keys.size(); j++) {
            String key = keys.get(j);
            boolean valid = key != null && (StepAlerts.CITY_KEY.equals(key)
                    || key.startsWith("rt:") && key.length() > 3 && key.length() <= 64
                    || key.startsWith("kelurahan:") && kelurahanCodes.contains(key.substring(10))
                    || key.startsWith("kecamatan:") && kecamatanCodes.contains(key.substring(10)));
            if (!valid) {
                errors.add(field + ".follows[" + j + "]", "wilayah tidak dikenal (rt:<rtId>, kelurahan:<kode>, "
                        + "kecamatan:<kode>, city)", "unknown area (rt:<rtId>, kelurahan:<code>, kecamatan:<code>, city)");
            } else if (!out.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    static boolean validEndpoint(NotificationChannel.Type type, String endpoint) {
        return switch (type) {
            case EMAIL -> endpoint.matches("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[A-Za-z]{2,}");
            case SQS -> endpoint.startsWith("arn:aws:sqs:") || endpoint.startsWith("arn:aws-");
            case HTTPS -> endpoint.startsWith("https://") || endpoint.startsWith("http://127.0.0.1")
                    || endpoint.startsWith("http://localhost");
        };
    }

    private static List<Category> parseCategories(JsonFields doc, FieldErrors errors, Set<String> agencyIds) {
        List<JsonFields> list = doc.objects("categories");
        List<Category> out = new ArrayList<>();
        if (list == null || list.isEmpty()) {
            errors.add("categories", "minimal satu kategori", "at least one category");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields c = list.get(i);
            if (c == null) {
                continue;
            }
            String field = "categories[" + i + "]";
            String code = c.string("code");
            String name = c.string("name");
            String agencyId = c.string("agencyId");
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(field + ".code", "wajib diisi (huruf, angka, _ -)", "required (letters, digits, _ -)");
                continue;
            }
            if (!seen.add(code)) {
                errors.add(field + ".code", "duplikat", "duplicate");
            }
            if (name == null || name.isBlank()) {
                errors.required(field + ".name");
            }
            if (agencyId != null && !agencyIds.contains(agencyId)) {
                errors.add(field + ".agencyId", "instansi tidak dikenal", "unknown agency");
            }
            Map<String, String> overrides = new HashMap<>();
            JsonFields ov = c.object("kecamatanOverrides");
            if (ov != null) {
                for (var e : ov.node().entries()) {
                    JsonNode v = e.getValue();
                    if (!v.isString() || !agencyIds.contains(v.getStringValue())) {
                        errors.add(field + ".kecamatanOverrides." + e.getKey(), "instansi tidak dikenal", "unknown agency");
                    } else {
                        overrides.put(e.getKey(), v.getStringValue());
                    }
                }
            }
            Set<CaseKind> kinds = new LinkedHashSet<>();
            List<String> kindNames = c.strings("kinds");
            if (kindNames != null) {
                for (String k : kindNames) {
                    try {
                        kinds.add(CaseKind.valueOf(k));
                    } catch (IllegalArgumentException e) {
                        errors.add(field + ".kinds", "jenis tidak dikenal: " + k, "unknown kind: " + k);
                    }
                }
            }
            ReportClass reportClass = enumOr(ReportClass.class, c.string("class"), field + ".class", errors);
            Requirement location = enumOr(Requirement.class, c.string("location"), field + ".location", errors);
            Requirement photos = enumOr(Requirement.class, c.string("photos"), field + ".photos", errors);
            if (name != null) {
                out.add(new Category(code, name, agencyId, overrides, kinds, reportClass, location, photos));
            }
        }
        return out;
    }

    private static TenantPolicies parsePolicies(JsonFields p, FieldErrors errors, Set<String> agencyIds) {
        if (p == null) {
            return TenantPolicies.defaults();
        }
        GeotagPolicy geotag = GeotagPolicy.defaults();
        JsonFields g = p.object("geotag");
        if (g != null) {
            Double maxDistance = g.number("maxDistanceMeters");
            Long maxAge = g.integer("maxPhotoAgeHours");
            Boolean rejectRt = g.bool("rejectRtActivityWithoutGps");
            Boolean rejectComplaint = g.bool("rejectComplaintWithoutGps");
            geotag = new GeotagPolicy(
                    maxDistance == null ? geotag.maxDistanceMeters() : maxDistance,
                    maxAge == null ? geotag.maxPhotoAgeHours() : maxAge.intValue(),
                    rejectRt == null ? geotag.rejectRtActivityWithoutGps() : rejectRt,
                    rejectComplaint == null ? geotag.rejectComplaintWithoutGps() : rejectComplaint);
        }
        SlaPolicy sla = SlaPolicy.defaults();
        JsonFields s = p.object("sla");
        if (s != null) {
            sla = new SlaPolicy(
                    intOr(s.integer("triageWorkingDays"), sla.triageWorkingDays()),
                    intOr(s.integer("firstResponseHours"), sla.firstResponseHours()),
                    intOr(s.integer("firstResponseWorkingDays"), sla.firstResponseWorkingDays()),
                    intOr(s.integer("resolveWorkingDays"), sla.resolveWorkingDays()),
                    intOr(s.integer("autoCloseWorkingDays"), sla.autoCloseWorkingDays()));
        }
        List<LocalDate> holidays = new ArrayList<>();
        List<String> days = p.strings("holidays");
        if (days != null) {
            for (String d : days) {
                try {
                    holidays.add(LocalDate.parse(d));
                } catch (RuntimeException e) {
                    errors.add("policies.holidays", "tanggal harus YYYY-MM-DD: " + d, "dates must be YYYY-MM-DD: " + d);
                }
            }
        }
        String triage = p.string("triageAgencyId");
        if (triage != null && !agencyIds.contains(triage)) {
            errors.add("policies.triageAgencyId", "instansi tidak dikenal", "unknown agency");
        }
        IntakePolicy intake = parseIntake(p.object("intake"), errors);
        return new TenantPolicies(geotag, sla, holidays, triage, ScoringDocuments.parse(p.object("scoring"), errors),
                WorkflowDocuments.parse(p.object("workflows"), sla, intake, errors), intake);
    }

    /**
     * {@code policies.intake}: {@code triageFirst} (every report screened by the triage desk first),
     * {@code needsInfoWorkingDays} (an unanswered question closes the report after them), {@code whistleblowingRoles}
     * (the only roles that see whistle-blowing reports), {@code duplicateRadiusMeters}, {@code duplicateWindowHours}.
     */
    static IntakePolicy parseIntake(JsonFields i, FieldErrors errors) {
        if (i == null) {
            return IntakePolicy.defaults();
        }
        IntakePolicy d = IntakePolicy.defaults();
        Boolean triageFirst = i.bool("triageFirst");
        Long days = i.integer("needsInfoWorkingDays");
        if (days != null && (days < 1 || days > 60)) {
            errors.add("policies.intake.needsInfoWorkingDays", "1 sampai 60", "1 to 60");
        }
        Set<Role> roles = new LinkedHashSet<>();
        List<String> names = i.strings("whistleblowingRoles");
        if (names != null) {
            for (String n : names) {
                Optional<Role> r = Role.parse(n);
                if (r.isEmpty() || !Role.SIGN_IN_ROLES.contains(r.get())) {
                    errors.add("policies.intake.whistleblowingRoles", "peran tidak dikenal: " + n, "unknown role: " + n);
                } else {
                    roles.add(r.get());
                }
            }
        }
        Long radius = i.integer("duplicateRadiusMeters");
        Long window = i.integer("duplicateWindowHours");
        if (radius != null && (radius < 1 || radius > 1000)) {
            errors.add("policies.intake.duplicateRadiusMeters", "1 sampai 1000", "1 to 1000");
        }
        if (window != null && (window < 1 || window > 720)) {
            errors.add("policies.intake.duplicateWindowHours", "1 sampai 720", "1 to 720");
        }
        return new IntakePolicy(Boolean.TRUE.equals(triageFirst),
                days == null ? d.needsInfoWorkingDays() : days.intValue(),
                roles.isEmpty() ? d.whistleblowingRoles() : roles,
                radius == null ? d.duplicateRadiusMeters() : radius.intValue(),
                window == null ? d.duplicateWindowHours() : window.intValue());
    }

    /** The enum constant named {@code value} (null when absent), or a field error listing the allowed names. */
    static <E extends Enum<E>> E enumOr(Class<E> type, String value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.add(field, "salah satu dari " + java.util.Arrays.toString(type.getEnumConstants()),
                "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static int intOr(Long value, int fallback) {
        return value == null ? fallback : value.intValue();
    }
}
