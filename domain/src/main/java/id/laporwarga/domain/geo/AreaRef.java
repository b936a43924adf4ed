package id.laporwarga.domain.geo;

/**
 * The administrative area a position resolved to. The kelurahan may be unknown (slivers between simplified polygons);
 * {@code kelurahanMatch} says how it was found.
 */
public record AreaRef(String kecamatanCode, String kecamatanName, String kelurahanCode, String kelurahanName,
                      KelurahanMatch kelurahanMatch) {

    public enum KelurahanMatch {
        /** The position lies inside the kelurahan/desa polygon. */
        INSIDE,
        /** No polygon contains it; the nearest one within the tolerance was taken. */
        NEAREST,
        /** Inside the city but no kelurahan/desa polygon within the tolerance. */
        UNKNOWN
    }
}
