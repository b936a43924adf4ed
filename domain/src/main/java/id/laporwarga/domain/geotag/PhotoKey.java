package id.laporwarga.domain.geotag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a photo's object key {@code photos/<tenant>/<caseId>/<photoId>.<ext>} (see SubmitReportService.photoKey). */
public record PhotoKey(String tenantId, String caseId, String photoId, String extension) {
    private static final Pattern KEY =
            Pattern.compile("photos/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,32})\\.(jpg|png|heic)");

    public static Optional<PhotoKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(new PhotoKey(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }
}
