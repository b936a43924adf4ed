package id.laporwarga.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.report.CaseKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
    private static QueryParameters query(Map<String, String> values) {
        return QueryParameters.of(new ApiRequest("GET", "/x", "GET /x", Map.of(), values, Map.of(), null, 0, Map.of(), "r"));
    }

    @Test
    void typedValuesAndDefaults() {
        QueryParameters q = query(Map.of("kind", "complaint", "limit", "7", "from", "2026-11-01", "period", "2026-10"));
        assertEquals("COMPLAINT", q.oneOf("kind", CaseKind.class));
        assertEquals(7, q.integer("limit", 1, 100));
        assertEquals(LocalDate.of(2026, 11, 1), q.date("from"));
        assertEquals(YearMonth.of(2026, 10), q.period("period"));
        assertNull(q.date("to"));
        assertNull(q.matching("page", Pattern.compile("[a-z]+"), "x", "x"));
        q.done();
    }

    @Test
    void everyWrongParameterIsNamedInOneValidationError() {
        QueryParameters q = query(Map.of("kind", "NOPE", "limit", "0", "from", "2026-02-30", "to", "2026-1-1",
                "period", "2026-13", "page", "../x"));
        q.oneOf("kind", CaseKind.class);
        q.integer("limit", 1, 100);
        q.date("from");
        q.date("to");
        q.period("period");
        q.matching("page", Pattern.compile("[A-Za-z0-9_-]+"), "penanda halaman tidak valid", "invalid page cursor");
        DomainException e = assertThrows(DomainException.class, q::done);
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(Set.of("kind", "limit", "from", "to", "period", "page"), e.fieldErrors().keySet());
        assertEquals("must be one of COMPLAINT, RT_ACTIVITY, SERVICE_REQUEST",
                e.fieldErrors().get("kind").in(Locale.ENGLISH));
    }

    @Test
    void toBeforeFromNamesTo() {
        QueryParameters q = query(Map.of("from", "2026-02-01", "to", "2026-01-31"));
        q.notBefore("to", q.date("to"), q.date("from"), "from");
        DomainException e = assertThrows(DomainException.class, q::done);
        assertEquals(Set.of("to"), e.fieldErrors().keySet());
    }
}
