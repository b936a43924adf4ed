package id.laporwarga.domain.port;

import java.util.Optional;

/**
 * Port: the public tracking page's link to the agency's "after" photo of a case: a short-lived download link to the
 * EXIF-stripped copy of the latest resolution photo (made when it was uploaded, under {@code views/}), never to the
 * original. Empty when there is none (no photo attached, or its copy not made yet).
 */
public interface PublicPhotos {
    Optional<String> afterPhotoLink(String tenantId, String caseId);
}
