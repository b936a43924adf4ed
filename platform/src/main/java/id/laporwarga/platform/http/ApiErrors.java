package id.laporwarga.platform.http;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The one error shape of the API: {@code {"error":{"code","message","fields"?}}}. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiResponse of(DomainException e, Locale locale) {
        return of(e.code(), e.localizedMessage(), e.fieldErrors(), locale);
    }

    public static ApiResponse of(ErrorCode code, Locale locale) {
        return of(code, code.defaultMessage(), Map.of(), locale);
    }

    public static ApiResponse of(ErrorCode code, LocalizedText message, Map<String, LocalizedText> fields, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", message.in(locale));
        if (!fields.isEmpty()) {
            Map<String, String> f = new LinkedHashMap<>();
            fields.forEach((k, v) -> f.put(k, v.in(locale)));
            error.put("fields", f);
        }
        return new ApiResponse(code.httpStatus(), Map.of("error", error), Map.of());
    }
}
