package id.laporwarga.domain.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rejected request: carries a stable {@link ErrorCode}, a localized message and optional per-field messages. */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final LocalizedText localizedMessage;
    private final Map<String, LocalizedText> fieldErrors;

    public DomainException(ErrorCode code) {
        this(code, code.defaultMessage(), Map.of());
    }

    public DomainException(ErrorCode code, LocalizedText message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, LocalizedText message, Map<String, LocalizedText> fieldErrors) {
        super(code + ": " + message.en());
        this.code = code;
        this.localizedMessage = message;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static DomainException validation(Map<String, LocalizedText> fieldErrors) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(), fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public LocalizedText localizedMessage() {
        return localizedMessage;
    }

    public Map<String, LocalizedText> fieldErrors() {
        return fieldErrors;
    }
}
