package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The intake part of a tenant document as {@code PUT /v1/admin/tenants/{id}} reads it (issue 15): each category's
 * report class and location/photo requirements, and {@code policies.intake}; a wrong value is a field error and
 * nothing is stored.
 */
class IntakeDocumentsTest {
    static final String CATEGORIES = "[{\"code\":\"SAMPAH\",\"name\":\"Sampah\",\"agencyId\":\"dlh\"},"
            + "{\"code\":\"INFO\",\"name\":\"Informasi publik\",\"agencyId\":\"dlh\","
            + "\"class\":\"PERMINTAAN_INFORMASI\",\"location\":\"ABSENT\",\"photos\":\"ABSENT\"}]";

    @Test
    void categoriesCarryTheirClassAndRequirementsAndTheIntakePolicyIsRead() throws Exception {
        Tenant t = KotamobaguDocuments.parse(KotamobaguDocuments.ONE_AGENCY, CATEGORIES, "{\"intake\":{"
                + "\"triageFirst\":true,\"needsInfoWorkingDays\":7,\"duplicateRadiusMeters\":80,"
                + "\"duplicateWindowHours\":48}}");
        Category info = t.category("INFO").orElseThrow();
        assertEquals(ReportClass.PERMINTAAN_INFORMASI, info.reportClass());
        assertEquals(Requirement.ABSENT, info.location());
        assertEquals(ReportClass.PENGADUAN, t.category("SAMPAH").orElseThrow().reportClass(), "the default class");
        IntakePolicy intake = t.policies().intake();
        assertTrue(intake.triageFirst());
        assertEquals(7, intake.needsInfoWorkingDays());
        assertEquals(80, intake.duplicateRadiusMeters());
        assertEquals(48, intake.duplicateWindowHours());
    }

    @Test
    void anUnknownClassOrRequirementAndOutOfRangeIntakeFiguresAreFieldErrors() {
        DomainException e = assertThrows(DomainException.class, () -> KotamobaguDocuments.parse(
                KotamobaguDocuments.ONE_AGENCY, "[{\"code\":\"X\",\"name\":\"X\",\"agencyId\":\"dlh\","
                        + "\"class\":\"KELUHAN\",\"location\":\"KADANG\",\"photos\":\"ABSENT\"}]",
                "{\"intake\":{\"needsInfoWorkingDays\":0,\"duplicateRadiusMeters\":5000}}"));
        assertEquals(Set.of("categories[0].class", "categories[0].location", "policies.intake.needsInfoWorkingDays",
                "policies.intake.duplicateRadiusMeters"), e.fieldErrors().keySet());
    }
}
