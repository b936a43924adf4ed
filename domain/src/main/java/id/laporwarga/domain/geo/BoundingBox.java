package id.laporwarga.domain.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** A lon/lat rectangle (WGS84 degrees), edges included. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BoundingBox {
        if (!(minLon <= maxLon && minLat <= maxLat) || !GeoPoint.isValid(minLat, minLon)
                || !GeoPoint.isValid(maxLat, maxLon)) {
            throw new IllegalArgumentException("invalid box " + minLon + "," + minLat + "," + maxLon + "," + maxLat);
        }
    }

    public static BoundingBox of(Envelope e) {
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    public static BoundingBox of(Geometry g) {
        return of(g.getEnvelopeInternal());
    }

    public boolean contains(GeoPoint p) {
        return p.lon() >= minLon && p.lon() <= maxLon && p.lat() >= minLat && p.lat() <= maxLat;
    }

    public boolean intersects(BoundingBox o) {
        return o.minLon <= maxLon && o.maxLon >= minLon && o.minLat <= maxLat && o.maxLat >= minLat;
    }

    public Envelope envelope() {
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    /** This box grown outwards to a grid of {@code step} degrees (so that stored boxes never shrink by rounding). */
    public BoundingBox roundedOutwards(double step) {
        return new BoundingBox(Math.max(-180, Math.floor(minLon / step) * step), Math.max(-90, Math.floor(minLat / step) * step),
                Math.min(180, Math.ceil(maxLon / step) * step), Math.min(90, Math.ceil(maxLat / step) * step));
    }
}
