package id.laporwarga.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field validation messages, then throws one VALIDATION_FAILED with all of them. */
public final class FieldErrors {
    private final Map<String, LocalizedText> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String indonesian, String english) {
        errors.putIfAbsent(field, new LocalizedText(indonesian, english));
        return this;
    }

    public FieldErrors required(String field) {
        return add(field, "wajib diisi", "is required");
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, LocalizedText> asMap() {
        return Map.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
    }
}
