package id.laporwarga.domain.geotag;

/**
 * The photo containers accepted by the platform. The photo store's adapter recognises them from the object's first
 * bytes, never from the file name.
 */
public enum ImageFormat {
    JPEG, PNG, HEIF
}
