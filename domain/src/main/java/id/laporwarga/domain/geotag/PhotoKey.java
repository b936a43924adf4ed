package id.laporwarga.domain.geotag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a photo's object key {@code photos/<tenant>/<caseId>/<photoId>.<ext>} (see SubmitReportService.photoKey). */
public record PhotoKey(String tenantId, String caseId, String photoId, String extension) {
    private static final Pattern KEY =
            Pattern.compile("photos/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,32})\\.(jpg|png|heic)");

    /**
     * Where the EXIF-stripped copy of one verified version goes: {@code views/<tenant>/<caseId>/<photoId>-<tag>.<ext>},
     * outside {@code photos/} (it starts no verification); {@code tag} names the version, so a copy made from another
     * version can never overwrite the one a verdict points to.
     */
    public String viewKey(String versionTag) {
        String tag = versionTag == null ? "current" : versionTag.replaceAll("[^A-Za-z0-9]", "");
        if (tag.length() > 40) {
            tag = tag.substring(0, 40);
        }
        return "views/" + tenantId + "/" + caseId + "/" + photoId + "-" + (tag.isEmpty() ? "current" : tag) + "."
                + extension;
    }

    public static Optional<PhotoKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(new PhotoKey(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }
}
