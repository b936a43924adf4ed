package id.laporwarga.domain.error;

import java.util.Locale;
import java.util.Objects;

/** A message in Indonesian (for citizens, the default) and English (when the client asks with Accept-Language: en). */
public record LocalizedText(String id, String en) {
    public LocalizedText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }

    public static LocalizedText of(String indonesian, String english) {
        return new LocalizedText(indonesian, english);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : id;
    }

    public LocalizedText formatted(Object... args) {
        return new LocalizedText(String.format(Locale.ROOT, id, args), String.format(Locale.ROOT, en, args));
    }
}
