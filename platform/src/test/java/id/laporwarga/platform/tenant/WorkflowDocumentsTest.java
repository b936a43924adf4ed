package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.Deadline;
import id.laporwarga.domain.workflow.ServiceTimes;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkflowDocumentsTest {
    private static Tenant parse(String workflows) throws Exception {
        return KotamobaguDocuments.parse(KotamobaguDocuments.ONE_AGENCY, "{\"workflows\":" + workflows + "}");
    }

    @Test
    void aTenantReplacesOneKindsWorkflowAndKeepsTheOthers() throws Exception {
        Tenant t = parse("{\"SERVICE_REQUEST\":{\"steps\":["
                + "{\"status\":\"RT_APPROVAL\",\"deadline\":{\"minutes\":10},\"supervisor\":\"KELURAHAN\",\"actions\":["
                + "  {\"name\":\"approve\",\"roles\":[\"RT_HEAD\"],\"to\":\"KELURAHAN_PROCESSING\"}]},"
                + "{\"status\":\"KELURAHAN_PROCESSING\",\"deadline\":{\"minutes\":35},\"actions\":["
                + "  {\"name\":\"issue\",\"roles\":[\"KECAMATAN\"],\"to\":\"KECAMATAN_ISSUED\"},"
                + "  {\"name\":\"reject\",\"roles\":[\"KECAMATAN\"],\"to\":\"REJECTED\",\"noteRequired\":true}]}]}}");
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(t);
        var sr = catalog.of(CaseKind.SERVICE_REQUEST);
        assertEquals(Deadline.minutes(10), sr.step(CaseStatus.RT_APPROVAL).orElseThrow().deadline());
        assertTrue(sr.step(CaseStatus.RT_APPROVAL).orElseThrow().action("reject").isEmpty());
        assertTrue(sr.step(CaseStatus.KELURAHAN_PROCESSING).orElseThrow().action("reject").orElseThrow().noteRequired());
        assertEquals(Duration.ofMinutes(45), ServiceTimes.target(sr));
        // untouched kinds keep the built-in workflow
        assertTrue(catalog.of(CaseKind.COMPLAINT).step(CaseStatus.RESOLVED).orElseThrow().automaticAction().isPresent());
    }

    @Test
    void everyMistakeIsAFieldError() {
        DomainException e = assertThrows(DomainException.class, () -> parse("{\"PETITION\":{\"steps\":[]},"
                + "\"SERVICE_REQUEST\":{\"steps\":[{\"status\":\"RT_APPROVAL\",\"deadline\":{\"minutes\":10,\"hours\":1},"
                + "\"actions\":[{\"name\":\"approve\",\"roles\":[\"MAYOR\"],\"to\":\"KELURAHAN_PROCESSING\"}]}]},"
                + "\"RT_ACTIVITY\":{\"steps\":[{\"status\":\"KELURAHAN_REVIEW\",\"actions\":["
                + "{\"name\":\"approve\",\"roles\":[\"KELURAHAN\"],\"to\":\"KECAMATAN_REVIEW\"}]}]}}"));
        var fields = e.fieldErrors().keySet();
        assertTrue(fields.contains("policies.workflows.PETITION"), fields.toString());
        assertTrue(fields.contains("policies.workflows.SERVICE_REQUEST.steps[0].deadline"), fields.toString());
        assertTrue(fields.contains("policies.workflows.SERVICE_REQUEST.steps[0].actions[0].roles"), fields.toString());
        // KECAMATAN_REVIEW is neither a step of that workflow nor terminal
        assertTrue(fields.contains("policies.workflows.RT_ACTIVITY"), fields.toString());
    }
}
