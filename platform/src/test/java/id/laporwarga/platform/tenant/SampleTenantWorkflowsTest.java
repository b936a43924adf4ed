package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.CatalogWalk;
import id.laporwarga.domain.workflow.Deadline;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import id.laporwarga.domain.workflow.WorkflowDocs;
import id.laporwarga.emulators.SampleTenants;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The sample tenant's workflows, as the real document parser reads {@code sample-data/kotamobagu/tenant.json}, walked
 * through the real services by the domain's {@link CatalogWalk} (generated from the catalogue), and shown in
 * {@code docs/workflows.md}. A second walk adds a workflow override to the same document: the tenant's deadlines
 * govern routing and the first step of a service request.
 */
class SampleTenantWorkflowsTest {
    /** A tenant override: the agencies' first response in 24 h, RT approval in 10 minutes, a 2-day kelurahan review. */
    static final String OVERRIDE = """
            {"COMPLAINT": {"steps": [
               {"status": "ROUTED", "deadline": {"hours": 24}, "supervisor": "CITY_ADMIN",
                "whoActs": {"role": "AGENCY_STAFF", "scope": "ASSIGNED_AGENCY"},
                "actions": [{"name": "acknowledge", "roles": ["AGENCY_STAFF"], "to": "ACKNOWLEDGED"},
                            {"name": "reroute", "roles": ["CITY_ADMIN"], "to": ["ROUTED", "REFERRED_EXTERNAL"],
                             "effect": "ROUTE"}]}]},
             "RT_ACTIVITY": {"steps": [
               {"status": "KELURAHAN_REVIEW", "deadline": {"workingDays": 2}, "supervisor": "KECAMATAN",
                "actions": [{"name": "approve", "roles": ["KELURAHAN"], "to": "KECAMATAN_REVIEW"},
                            {"name": "return", "roles": ["KELURAHAN"], "to": "RETURNED", "noteRequired": true}]}]},
             "SERVICE_REQUEST": {"steps": [
               {"status": "RT_APPROVAL", "deadline": {"minutes": 10}, "supervisor": "KELURAHAN",
                "actions": [{"name": "approve", "roles": ["RT_HEAD"], "to": "KELURAHAN_PROCESSING"},
                            {"name": "reject", "roles": ["RT_HEAD"], "to": "REJECTED", "noteRequired": true}]}]}}
            """;

    static Tenant sample() {
        return parse(SampleTenants.document(SampleTenants.KOTAMOBAGU));
    }

    static Tenant sampleWithOverride() {
        String doc = SampleTenants.document(SampleTenants.KOTAMOBAGU);
        String withWorkflows = doc.replaceFirst("\"policies\"\\s*:\\s*\\{", "\"policies\":{\"workflows\":"
                + OVERRIDE.replace("\n", " ").replace("$", "\\$") + ",");
        return parse(withWorkflows);
    }

    private static Tenant parse(String document) {
        try {
            JsonNode tree = JsonMapper.createDefault().readValue(document.getBytes(StandardCharsets.UTF_8), JsonNode.class);
            return TenantDocuments.parse(tree, SampleTenants.KOTAMOBAGU);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicNode> sampleTenantWorkflowsWalkedThroughTheServices() {
        return CatalogWalk.of("kotamobagu", sample());
    }

    @TestFactory
    Stream<DynamicNode> aTenantOverrideGovernsRoutingDeadlinesAndTheFirstStep() {
        return CatalogWalk.of("kotamobagu+override", sampleWithOverride());
    }

    @Test
    void theOverrideIsParsed() {
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(sampleWithOverride());
        assertEquals(Deadline.hours(24), catalog.of(CaseKind.COMPLAINT).step(CaseStatus.ROUTED).orElseThrow().deadline());
        assertEquals(Deadline.minutes(10),
                catalog.of(CaseKind.SERVICE_REQUEST).step(CaseStatus.RT_APPROVAL).orElseThrow().deadline());
        assertEquals(Deadline.workingDays(2),
                catalog.of(CaseKind.RT_ACTIVITY).step(CaseStatus.KELURAHAN_REVIEW).orElseThrow().deadline());
    }

    @Test
    void docsShowTheSampleTenant() {
        WorkflowDocs.check(SampleTenants.KOTAMOBAGU, WorkflowCatalog.forTenant(sample()),
                "mvn -B -pl platform -am test -Dtest=SampleTenantWorkflowsTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                        + WorkflowDocs.UPDATE_PROPERTY + "=true");
    }
}
