package id.laporwarga.domain.geo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * The version of a set of boundaries: a hash of what they mean (levels, codes, names, parents and normalized
 * polygons), so that the same boundaries sent again, in another order, another ring orientation or another number
 * format, have the same version, and any change of a polygon or a name gives a new one.
 */
public final class BoundaryFingerprint {
    private BoundaryFingerprint() {
    }

    public static String of(List<AdminBoundary> boundaries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter(2);
            boundaries.stream()
                    .sorted(Comparator.comparing((AdminBoundary b) -> b.level().ordinal()).thenComparing(AdminBoundary::code))
                    .forEach(b -> {
                        String head = b.level() + "|" + b.code() + "|" + b.name() + "|" + b.kecamatanCode() + "|";
                        digest.update(head.getBytes(StandardCharsets.UTF_8));
                        Geometry normalized = b.geometry().copy();
                        normalized.normalize();
                        digest.update(wkb.write(normalized));
                    });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
