package id.laporwarga.platform.tenant;

import id.laporwarga.domain.geo.BoundingBox;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.domain.tenant.TenantEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact text forms stored in the tenants' items: the national index (one line per tenant, gzip), a tenant's
 * boxes and its areas (names and codes). Tab-separated; names never hold tabs or line breaks (they are replaced).
 */
final class TenantItems {
    private TenantItems() {
    }

    // ------------------------------------------------------------------ the national index

    /** {@code id, name, zone, code, version, boundaryVersion, sequence, boxes} per line. */
    static byte[] index(NationalIndex index) {
        StringBuilder sb = new StringBuilder(index.size() * 120);
        for (TenantEntry e : index.entries()) {
            sb.append(e.id()).append('\t').append(clean(e.name())).append('\t').append(e.zone().getId()).append('\t')
                    .append(e.code() == null ? "" : e.code()).append('\t').append(e.version()).append('\t')
                    .append(e.boundaryVersion() == null ? "" : e.boundaryVersion()).append('\t').append(e.sequence())
                    .append('\t').append(boxes(e.boxes())).append('\n');
        }
        return gzip(sb.toString());
    }

    static NationalIndex index(byte[] gz, long version) {
        List<TenantEntry> entries = new ArrayList<>();
        for (String line : gunzip(gz).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            entries.add(new TenantEntry(f[0], f[1], ZoneId.of(f[2]), f[3].isEmpty() ? null : f[3],
                    Long.parseLong(f[4]), f[5].isEmpty() ? null : f[5], boxes(f[7]), Long.parseLong(f[6])));
        }
        return new NationalIndex(entries, version);
    }

    // ------------------------------------------------------------------ boxes

    static String boxes(List<BoundingBox> boxes) {
        StringBuilder sb = new StringBuilder();
        for (BoundingBox b : boxes) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", b.minLon(), b.minLat(), b.maxLon(), b.maxLat()));
        }
        return sb.toString();
    }

    static List<BoundingBox> boxes(String text) {
        List<BoundingBox> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String box : text.split(";")) {
            String[] v = box.split(",");
            out.add(new BoundingBox(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3])));
        }
        return out;
    }

    // ------------------------------------------------------------------ areas

    /** {@code K code name} per kecamatan, {@code D code name kecamatanCode} per desa/kelurahan. */
    static byte[] areas(TenantAreas areas) {
        StringBuilder sb = new StringBuilder();
        areas.kecamatan().forEach(a -> sb.append("K\t").append(a.code()).append('\t').append(clean(a.name())).append('\n'));
        areas.kelurahan().forEach(a -> sb.append("D\t").append(a.code()).append('\t').append(clean(a.name())).append('\t')
                .append(a.kecamatanCode() == null ? "" : a.kecamatanCode()).append('\n'));
        return gzip(sb.toString());
    }

    static TenantAreas areas(byte[] gz) {
        List<TenantAreas.Area> kecamatan = new ArrayList<>();
        List<TenantAreas.Area> kelurahan = new ArrayList<>();
        for (String line : gunzip(gz).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("K")) {
                kecamatan.add(new TenantAreas.Area(f[1], f[2], f[1]));
            } else if (f[0].equals("D")) {
                kelurahan.add(new TenantAreas.Area(f[1], f[2], f[3].isEmpty() ? null : f[3]));
            }
        }
        return new TenantAreas(kecamatan, kelurahan);
    }

    // ------------------------------------------------------------------ text and gzip

    private static String clean(String name) {
        return name.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] bytes) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
