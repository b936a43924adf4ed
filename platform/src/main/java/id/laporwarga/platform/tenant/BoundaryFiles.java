package id.laporwarga.platform.tenant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.GeoJsonGeometries;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Boundary files: GeoJSON {@code FeatureCollection}s of a tenant's kab/kota, kecamatan and desa/kelurahan polygons
 * (the shape of {@code sample-data/kotamobagu/kotamobagu.geojson}: properties {@code level}, {@code kode},
 * {@code nama}, {@code kecamatan_kode}; {@code Polygon} or {@code MultiPolygon}, holes and any winding).
 *
 * <p>Read with a streaming parser straight into packed polygons (no JSON tree: a 20 MB file never exists as objects),
 * plain or gzip (detected). Written back normalized and gzip-compressed for storage. Also splits a tenant document
 * into its document part and its boundaries ({@link #split}).
 */
public final class BoundaryFiles {
    /** Largest boundary file accepted (uncompressed GeoJSON), through an upload or inside a document. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1_000_000).maxDocumentLength(MAX_FILE_BYTES + 1024 * 1024).build())
            .build();
    private static final int MAX_FIELD_ERRORS = 20;

    private BoundaryFiles() {
    }

    /** A tenant document split in two: the document without boundaries, and what it says about them. */
    public record Split(String document, List<AdminBoundary> boundaries, String uploadId) {
        /** Whether the document names boundaries at all (inline or uploaded). */
        public boolean hasBoundaries() {
            return boundaries != null || uploadId != null;
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a boundary file (plain or gzip GeoJSON). Problems are reported per feature under {@code field}
     * ({@code boundaries.features[3]: ...}); a file that is not JSON, or too large, is a 4xx stating the limit.
     */
    public static List<AdminBoundary> read(InputStream in, String field, boolean repair) {
        return read(in, field, repair, null, MAX_FILE_BYTES);
    }

    /**
     * Reads the features of a (large) file whose {@code kode} {@code keep} accepts, up to {@code maxBytes}
     * (uncompressed): a national file from which a few kabupaten/kota are imported. The polygons of other features
     * are skipped unread where their properties come first.
     */
    public static List<AdminBoundary> read(InputStream in, String field, boolean repair,
                                           java.util.function.Predicate<String> keep, long maxBytes) {
        FieldErrors errors = new FieldErrors();
        List<AdminBoundary> out;
        JsonFactory factory = maxBytes <= MAX_FILE_BYTES ? JSON : JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000)
                        .maxDocumentLength(maxBytes + 1024 * 1024).build()).build();
        try (InputStream limited = new LimitedInputStream(ungzipped(in), maxBytes);
             JsonParser p = factory.createParser(limited)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(field, "harus objek GeoJSON FeatureCollection", "must be a GeoJSON FeatureCollection object");
                errors.throwIfAny();
            }
            out = readCollection(p, field, errors, repair, null, keep);
        } catch (LimitedInputStream.TooLarge e) {
            throw maxBytes <= MAX_FILE_BYTES ? tooLarge() : new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                    LocalizedText.of("Berkas impor melebihi batas " + (maxBytes >> 20) + " MB (tanpa kompresi). Pisahkan "
                                    + "per provinsi lalu impor satu per satu.",
                            "The import file is over the " + (maxBytes >> 20) + " MB limit (uncompressed). Split it by "
                                    + "province and import each part."));
        } catch (JsonProcessingException e) {
            throw notGeoJson(field, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        errors.throwIfAny();
        return out;
    }

    /**
     * Splits a tenant document: every member but {@code boundaries} is copied into {@link Split#document()};
     * {@code boundaries} is either a FeatureCollection (read into polygons) or {@code {"uploadId": "..."}} (a boundary
     * file uploaded before, {@code POST /v1/admin/boundary-uploads}), or absent (keep the stored boundaries).
     */
    public static Split split(String body) {
        FieldErrors errors = new FieldErrors();
        StringWriter document = new StringWriter(Math.min(body.length(), 64 * 1024));
        String[] uploadId = new String[1];
        List<AdminBoundary> boundaries = null;
        try (JsonParser p = JSON.createParser(body); JsonGenerator g = JSON.createGenerator(document)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw DomainException.validation(new FieldErrors()
                        .add("body", "harus berupa objek JSON", "must be a JSON object").asMap());
            }
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("boundaries".equals(name)) {
                    if (value == JsonToken.START_OBJECT) {
                        boundaries = readCollection(p, "boundaries", errors, true, uploadId, null);
                        if (uploadId[0] != null) {
                            boundaries = null;
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        errors.add("boundaries", "harus GeoJSON FeatureCollection atau {\"uploadId\": ...}",
                                "must be a GeoJSON FeatureCollection or {\"uploadId\": ...}");
                        p.skipChildren();
                    }
                } else {
                    g.writeFieldName(name);
                    g.copyCurrentStructure(p);
                }
            }
            g.writeEndObject();
        } catch (JsonProcessingException e) {
            throw new id.laporwarga.platform.json.Json.MalformedJsonException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        errors.throwIfAny();
        return new Split(document.toString(), boundaries, uploadId[0]);
    }

    /**
     * Reads the FeatureCollection whose START_OBJECT is the parser's current token. With {@code uploadId} non-null,
     * an {@code {"uploadId": "..."}} object is accepted instead (its id stored there).
     */
    private static List<AdminBoundary> readCollection(JsonParser p, String field, FieldErrors errors, boolean repair,
                                                      String[] uploadId, java.util.function.Predicate<String> keep)
            throws IOException {
        List<AdminBoundary> out = new ArrayList<>();
        String type = null;
        boolean features = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "uploadId" -> {
                    if (uploadId != null && value == JsonToken.VALUE_STRING) {
                        uploadId[0] = p.getText();
                    } else {
                        errors.add(field + ".uploadId", "harus berupa teks", "must be a string");
                        p.skipChildren();
                    }
                }
                case "features" -> {
                    features = true;
                    if (value != JsonToken.START_ARRAY) {
                        errors.add(field + ".features", "harus berupa larik", "must be an array");
                        p.skipChildren();
                        break;
                    }
                    int i = 0;
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                        String f = field + ".features[" + i + "]";
                        if (t != JsonToken.START_OBJECT) {
                            report(errors, f, "harus objek Feature", "must be a Feature object");
                            p.skipChildren();
                            continue;
                        }
                        AdminBoundary b = readFeature(p, f, errors, repair, keep);
                        if (b != null) {
                            out.add(b);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (uploadId != null && uploadId[0] != null) {
            if (features) {
                errors.add(field, "kirim features atau uploadId, tidak keduanya", "send features or uploadId, not both");
            }
            return out;
        }
        if (!"FeatureCollection".equals(type)) {
            errors.add(field + ".type", "harus FeatureCollection", "must be FeatureCollection");
        }
        if (out.isEmpty() && keep == null && !errors.has(field + ".features")) {
            errors.add(field + ".features", "minimal satu poligon", "at least one polygon");
        }
        return out;
    }

    private static AdminBoundary readFeature(JsonParser p, String field, FieldErrors errors, boolean repair,
                                             java.util.function.Predicate<String> keep) throws IOException {
        String level = null;
        String code = null;
        String name = null;
        String kecamatan = null;
        String geometryType = null;
        Object coordinates = null;
        boolean hasProperties = false;
        boolean hasGeometry = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if ("properties".equals(member) && value == JsonToken.START_OBJECT) {
                hasProperties = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String prop = p.currentName();
                    JsonToken v = p.nextToken();
                    String text = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    switch (prop) {
                        case "level" -> level = text;
                        case "kode" -> code = text;
                        case "nama" -> name = text;
                        case "kecamatan_kode" -> kecamatan = text;
                        default -> p.skipChildren();
                    }
                }
            } else if ("geometry".equals(member) && value == JsonToken.START_OBJECT && keep != null && hasProperties
                    && (code == null || !keep.test(code))) {
                p.skipChildren(); // a feature of another kabupaten/kota: its polygon is not read
                hasGeometry = true;
            } else if ("geometry".equals(member) && value == JsonToken.START_OBJECT) {
                hasGeometry = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String gm = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("type".equals(gm) && v == JsonToken.VALUE_STRING) {
                        geometryType = p.getText();
                    } else if ("coordinates".equals(gm) && v == JsonToken.START_ARRAY) {
                        coordinates = readArray(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!hasProperties || !hasGeometry) {
            report(errors, field, "butuh properties dan geometry", "needs properties and geometry");
            return null;
        }
        if (keep != null && (code == null || !keep.test(code))) {
            return null;
        }
        if (code == null || name == null) {
            report(errors, field + ".properties", "kode dan nama wajib diisi", "kode and nama are required");
            return null;
        }
        try {
            AdminLevel adminLevel = AdminLevel.fromGeoJson(level);
            return new AdminBoundary(adminLevel, code, name, kecamatan, geometry(geometryType, coordinates, repair));
        } catch (IllegalArgumentException | ClassCastException e) {
            report(errors, field, "tidak valid (" + code + "): " + e.getMessage(), "invalid (" + code + "): " + e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Geometry geometry(String type, Object coordinates, boolean repair) {
        if (type == null) {
            throw new IllegalArgumentException("geometry.type is required");
        }
        if (!(coordinates instanceof List<?> list)) {
            throw new IllegalArgumentException("geometry.coordinates must be an array of rings");
        }
        return switch (type) {
            case "Polygon" -> GeoJsonGeometries.polygon(rings(list), repair);
            case "MultiPolygon" -> {
                List<List<double[]>> parts = new ArrayList<>();
                for (Object part : list) {
                    if (!(part instanceof List<?> rings)) {
                        throw new IllegalArgumentException("a MultiPolygon part must be an array of rings");
                    }
                    parts.add(rings(rings));
                }
                yield GeoJsonGeometries.multiPolygon(parts, repair);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + type
                    + " (Polygon or MultiPolygon)");
        };
    }

    private static List<double[]> rings(List<?> list) {
        List<double[]> rings = new ArrayList<>(list.size());
        for (Object r : list) {
            if (!(r instanceof double[] ring)) {
                throw new IllegalArgumentException("a ring must be an array of [lon, lat] positions");
            }
            rings.add(ring);
        }
        return rings;
    }

    /** One position while a ring is read. */
    private record Position(double lon, double lat) {
    }

    /**
     * An array whose START_ARRAY is current: a position becomes a {@link Position}, an array of positions (a ring)
     * one packed {@code double[]} of {@code lon, lat} pairs (extra dimensions dropped), anything else a list.
     */
    private static Object readArray(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return new ArrayList<>();
        }
        if (t != null && t.isNumeric()) {
            double lon = p.getDoubleValue();
            t = p.nextToken();
            if (t == null || !t.isNumeric()) {
                throw new IllegalArgumentException("a position needs [lon, lat]");
            }
            double lat = p.getDoubleValue();
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || !t.isNumeric()) {
                    throw new IllegalArgumentException("a position must hold numbers only");
                }
            }
            return new Position(lon, lat);
        }
        List<Object> children = null;
        double[] ring = null;
        int n = 0;
        while (t != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("coordinates must hold arrays of numbers only");
            }
            Object child = readArray(p);
            if (child instanceof Position position) {
                if (children != null) {
                    throw new IllegalArgumentException("positions and rings mixed in one array");
                }
                if (ring == null) {
                    ring = new double[64];
                } else if (n + 2 > ring.length) {
                    ring = Arrays.copyOf(ring, ring.length * 2);
                }
                ring[n++] = position.lon();
                ring[n++] = position.lat();
            } else {
                if (ring != null) {
                    throw new IllegalArgumentException("positions and rings mixed in one array");
                }
                if (children == null) {
                    children = new ArrayList<>();
                }
                children.add(child);
            }
            t = p.nextToken();
        }
        return ring != null ? Arrays.copyOf(ring, n) : children;
    }

    private static void report(FieldErrors errors, String field, String id, String en) {
        if (errors.asMap().size() < MAX_FIELD_ERRORS) {
            errors.add(field, id, en);
        }
    }

    // ------------------------------------------------------------------ writing

    /** The boundaries as a gzip-compressed GeoJSON FeatureCollection (what is stored; {@link #read} reads it). */
    public static byte[] gzip(List<AdminBoundary> boundaries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (OutputStream gz = new GZIPOutputStream(bytes, 64 * 1024);
             JsonGenerator g = JSON.createGenerator(gz)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (AdminBoundary b : boundaries) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("level", switch (b.level()) {
                    case KABKOTA -> "kabkota";
                    case KECAMATAN -> "kecamatan";
                    case KELURAHAN -> "desa_kelurahan";
                });
                g.writeStringField("kode", b.code());
                g.writeStringField("nama", b.name());
                if (b.kecamatanCode() != null) {
                    g.writeStringField("kecamatan_kode", b.kecamatanCode());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                Geometry geometry = b.geometry();
                if (geometry instanceof Polygon polygon) {
                    g.writeStringField("type", "Polygon");
                    g.writeFieldName("coordinates");
                    writePolygon(g, polygon);
                } else {
                    g.writeStringField("type", "MultiPolygon");
                    g.writeArrayFieldStart("coordinates");
                    for (int i = 0; i < geometry.getNumGeometries(); i++) {
                        writePolygon(g, (Polygon) geometry.getGeometryN(i));
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writePolygon(JsonGenerator g, Polygon polygon) throws IOException {
        g.writeStartArray();
        writeRing(g, polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(g, polygon.getInteriorRingN(i));
        }
        g.writeEndArray();
    }

    private static void writeRing(JsonGenerator g, LinearRing ring) throws IOException {
        CoordinateSequence s = ring.getCoordinateSequence();
        g.writeStartArray();
        for (int i = 0; i < s.size(); i++) {
            g.writeStartArray();
            g.writeNumber(s.getX(i));
            g.writeNumber(s.getY(i));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    // ------------------------------------------------------------------ limits and messages

    /** 413 stating the limit and what to do. */
    public static DomainException tooLarge() {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, LocalizedText.of(
                "Berkas batas wilayah melebihi batas 20 MB (GeoJSON tanpa kompresi). Sederhanakan poligon "
                        + "(misalnya mapshaper -simplify 20% keep-shapes) atau hapus properti yang tidak perlu, lalu "
                        + "unggah lagi.",
                "The boundary file is over the 20 MB limit (uncompressed GeoJSON). Simplify the polygons (e.g. "
                        + "mapshaper -simplify 20% keep-shapes) or drop unneeded properties, then upload it again."));
    }

    private static DomainException notGeoJson(String field, JsonProcessingException e) {
        var where = e.getLocation();
        String at = where == null ? "" : String.format(Locale.ROOT, " (baris %d, kolom %d)", where.getLineNr(),
                where.getColumnNr());
        String atEn = where == null ? "" : String.format(Locale.ROOT, " (line %d, column %d)", where.getLineNr(),
                where.getColumnNr());
        return DomainException.validation(new FieldErrors().add(field,
                "bukan GeoJSON yang valid" + at + ": simpan ulang sebagai GeoJSON FeatureCollection (RFC 7946), UTF-8",
                "not valid GeoJSON" + atEn + ": save it again as a GeoJSON FeatureCollection (RFC 7946), UTF-8").asMap());
    }

    /** The stream itself, or its gzip content when it starts with the gzip magic bytes. */
    static InputStream ungzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
    }

    /** Fails once more than {@code limit} bytes were read (a gzip bomb stops there too). */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("over the limit", null);
            }
        }

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
