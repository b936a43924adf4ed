package id.laporwarga.domain.workflow;

import id.laporwarga.domain.tenant.SlaPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in catalogue walked through the real services, generated from the catalogue ({@link CatalogWalk}): with
 * the default SLA (working days) and with SIKeMas' hours SLA, over a long weekend of holidays. The sample tenant, as
 * parsed from its document, is walked by platform's {@code SampleTenantWorkflowsTest}.
 */
class WorkflowCatalogWalkTest {
    private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-15"));

    @TestFactory
    Stream<DynamicNode> builtInCatalogue() {
        return CatalogWalk.of("defaults", WorkflowFixtures.walkTenant(SlaPolicy.defaults(), HOLIDAYS));
    }

    @TestFactory
    Stream<DynamicNode> builtInCatalogueWithAnHoursSla() {
        return CatalogWalk.of("2x24h SLA", WorkflowFixtures.walkTenant(new SlaPolicy(2, 48, 5, 7, 5), HOLIDAYS));
    }
}
