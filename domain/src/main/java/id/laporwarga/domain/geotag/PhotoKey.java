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

    private static final Pattern ATTACHMENT =
            Pattern.compile("attachments/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,32})\\.(jpg|png|heic)");

    /**
     * The parts of an action's attachment key {@code attachments/<tenant>/<caseId>/<photoId>.<ext>} (e.g. the agency's
     * "after" photo, see ReviewService.attachmentKey): not a report photo, never geotag-checked; its EXIF-stripped copy
     * goes under {@link #viewKey} too.
     */
    public static Optional<PhotoKey> parseAttachment(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = ATTACHMENT.matcher(key);
        return m.matches() ? Optional.of(new PhotoKey(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }

    /** A report photo's key or an attachment's (whatever gets an EXIF-stripped copy). */
    public static Optional<PhotoKey> parseAny(String key) {
        return parse(key).or(() -> parseAttachment(key));
    }

    public static Optional<PhotoKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(new PhotoKey(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }
}
