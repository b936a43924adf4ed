package id.laporwarga.domain.geotag;

/**
 * What the photo store read from a stored photo object, as a plain value: the object's size, the bytes fetched to
 * read it, and the photo's metadata.
 *
 * @param sizeBytes the object's size; -1 when it is not an image (the size is then not looked at)
 * @param bytesRead the bytes fetched from the store to read the metadata (the figure the geotag check reports)
 * @param metadata  the EXIF location and capture time; null when the object is not a JPEG, PNG or HEIF image or its
 *                  structure is broken
 * @param versionId the object version that was read (null where the store has no versions)
 * @param eTag      the ETag of what was read (null when unknown)
 */
public record StoredPhoto(long sizeBytes, long bytesRead, PhotoMetadata metadata, String versionId, String eTag) {

    public static StoredPhoto image(long sizeBytes, long bytesRead, PhotoMetadata metadata) {
        if (metadata == null) {
            throw new IllegalArgumentException("an image has metadata (PhotoMetadata.none when it carries no EXIF)");
        }
        return new StoredPhoto(sizeBytes, bytesRead, metadata, null, null);
    }

    /** The object is not an image of an accepted format, or its structure is broken. */
    public static StoredPhoto notAnImage(long bytesRead) {
        return new StoredPhoto(-1, bytesRead, null, null, null);
    }

    /** The same reading, of the object version {@code versionId} with {@code eTag}. */
    public StoredPhoto of(String versionId, String eTag) {
        return new StoredPhoto(sizeBytes, bytesRead, metadata, versionId, eTag);
    }

    public boolean isImage() {
        return metadata != null;
    }
}
