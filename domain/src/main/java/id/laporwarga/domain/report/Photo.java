package id.laporwarga.domain.report;

/** A photo declared at submission, uploaded by the client to {@code objectKey}; {@code check} once verified. */
public record Photo(String photoId, String contentType, long declaredSizeBytes, String objectKey, PhotoCheck check) {
    public Photo withCheck(PhotoCheck newCheck) {
        return new Photo(photoId, contentType, declaredSizeBytes, objectKey, newCheck);
    }
}
