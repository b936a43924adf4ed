package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.tenant.Tenant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agencies of a tenant document: the kelurahan review chains an office follows. */
class AgencyDocumentsTest {
    private static Tenant parse(String agencies) throws Exception {
        return KotamobaguDocuments.parse(agencies, "{}");
    }

    @Test
    void anOfficeFollowsTheReviewChainsOfKelurahanOfTheBoundaries() throws Exception {
        Tenant t = parse("[{\"id\":\"dlh\",\"name\":\"DLH\"},"
                + "{\"id\":\"kec-barat\",\"name\":\"Kecamatan Kotamobagu Barat\","
                + "\"channels\":[{\"type\":\"EMAIL\",\"endpoint\":\"barat@kotamobagu.go.id\"}],"
                + "\"reviewsKelurahan\":[\"71.74.04.1003\",\"71.74.04.1004\",\"71.74.04.1003\"]}]");
        assertEquals(List.of("71.74.04.1003", "71.74.04.1004"), t.agency("kec-barat").orElseThrow().reviewsKelurahan());
        assertEquals(List.of(), t.agency("dlh").orElseThrow().reviewsKelurahan());
    }

    @Test
    void aCodeThatIsNotAKelurahanOfTheBoundariesIsAFieldError() {
        DomainException e = assertThrows(DomainException.class, () -> parse("[{\"id\":\"dlh\",\"name\":\"DLH\","
                + "\"reviewsKelurahan\":[\"71.74.04\",\"99.99.99.9999\",\"71.74.04.1003\"]}]"));
        // a kecamatan code and an unknown code; the valid third one is not reported
        assertEquals(Set.of("agencies[0].reviewsKelurahan[0]", "agencies[0].reviewsKelurahan[1]"), e.fieldErrors().keySet());
    }
}
