package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.Deadline;
import id.laporwarga.domain.workflow.ServiceTimes;
import id.laporwarga.domain.workflow.WhoActs;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
                + "{\"name\":\"approve\",\"roles\":[\"KELURAHAN\"],\"to\":\"KELURAHAN_PROCESSING\"}]}]}}"));
        var fields = e.fieldErrors().keySet();
        assertTrue(fields.contains("policies.workflows.PETITION"), fields.toString());
        assertTrue(fields.contains("policies.workflows.SERVICE_REQUEST.steps[0].deadline"), fields.toString());
        assertTrue(fields.contains("policies.workflows.SERVICE_REQUEST.steps[0].actions[0].roles"), fields.toString());
        // KELURAHAN_PROCESSING is neither a step of the RT activity workflow nor terminal
        assertTrue(fields.contains("policies.workflows.RT_ACTIVITY"), fields.toString());
    }

    @Test
    void aStepReplacesTheBuiltInStepAndTheOthersStay() throws Exception {
        Tenant t = parse("{\"COMPLAINT\":{\"steps\":[{\"status\":\"ROUTED\",\"deadline\":{\"hours\":24},"
                + "\"whoActs\":{\"role\":\"AGENCY_STAFF\",\"scope\":\"ASSIGNED_AGENCY\"},\"actions\":["
                + "{\"name\":\"acknowledge\",\"roles\":[\"AGENCY_STAFF\"],\"to\":\"ACKNOWLEDGED\"},"
                + "{\"name\":\"reroute\",\"roles\":[\"CITY_ADMIN\"],\"to\":[\"ROUTED\",\"REFERRED_EXTERNAL\"],"
                + "\"effect\":\"ROUTE\"}]}]}}");
        var complaint = WorkflowCatalog.forTenant(t).of(CaseKind.COMPLAINT);
        var routed = complaint.step(CaseStatus.ROUTED).orElseThrow();
        assertEquals(Deadline.hours(24), routed.deadline());
        assertEquals(WhoActs.of(Role.AGENCY_STAFF, WhoActs.Scope.ASSIGNED_AGENCY), routed.whoActs());
        assertEquals(List.of(CaseStatus.ROUTED, CaseStatus.REFERRED_EXTERNAL),
                routed.action("reroute").orElseThrow().targets());
        // the deadline action defaults to escalate
        assertTrue(routed.escalatesOnDeadline());
        // the system's own steps and the other steps are the built-in ones
        assertEquals(List.of("route", "refer", "triage"), complaint.step(CaseStatus.VERIFIED).orElseThrow().actions()
                .stream().map(a -> a.name()).toList());
        assertTrue(complaint.step(CaseStatus.RESOLVED).orElseThrow().action("close").isPresent());
        assertEquals(Set.of(CaseStatus.AWAITING_PHOTOS, CaseStatus.TRIAGE), complaint.initialStates());
    }

    @Test
    void theSystemsMovesAndTheEntryCanBeExpressed() throws Exception {
        Tenant t = parse("{\"SERVICE_REQUEST\":{\"entry\":[{\"name\":\"submit\",\"roles\":[\"CITIZEN\"],"
                + "\"to\":[\"AWAITING_PHOTOS\"]}],\"steps\":[{\"status\":\"VERIFIED\",\"actions\":["
                + "{\"name\":\"route\",\"roles\":[\"SYSTEM\"],\"to\":\"RT_APPROVAL\",\"effect\":\"ROUTE\"}]},"
                + "{\"status\":\"RT_APPROVAL\",\"deadline\":{\"minutes\":20},\"onDeadline\":\"approve\","
                + "\"actions\":[{\"name\":\"approve\",\"roles\":[\"RT_HEAD\",\"SYSTEM\"],"
                + "\"to\":\"KELURAHAN_PROCESSING\"}]}]}}");
        var sr = WorkflowCatalog.forTenant(t).of(CaseKind.SERVICE_REQUEST);
        assertEquals(Set.of(CaseStatus.AWAITING_PHOTOS), sr.initialStates(), "photos now required");
        var rt = sr.step(CaseStatus.RT_APPROVAL).orElseThrow();
        assertEquals("approve", rt.automaticAction().orElseThrow().name(), "approved by itself at the deadline");
        assertEquals(WhoActs.of(Role.RT_HEAD, WhoActs.Scope.RT), rt.whoActs(), "derived from the first role");
    }

    @Test
    void movesNoServiceMakesOrWrongScopesAreFieldErrors() {
        DomainException e = assertThrows(DomainException.class, () -> parse("{\"RT_ACTIVITY\":{\"steps\":["
                + "{\"status\":\"KELURAHAN_REVIEW\",\"whoActs\":{\"role\":\"KELURAHAN\",\"scope\":\"MOON\"},"
                + "\"actions\":[{\"name\":\"approve\",\"roles\":[\"KELURAHAN\"],\"to\":\"KECAMATAN_REVIEW\"}]}]},"
                + "\"COMPLAINT\":{\"steps\":[{\"status\":\"ROUTED\",\"actions\":["
                + "{\"name\":\"acknowledge\",\"roles\":[\"AGENCY_STAFF\",\"SYSTEM\"],\"to\":\"ACKNOWLEDGED\"}]}]},"
                + "\"SERVICE_REQUEST\":{\"steps\":[{\"status\":\"RT_APPROVAL\",\"deadline\":{\"minutes\":5},"
                + "\"actions\":[{\"name\":\"approve\",\"roles\":[\"RT_HEAD\"],\"to\":\"KELURAHAN_PROCESSING\"},"
                + "{\"name\":\"escalate\",\"roles\":[\"SYSTEM\"],\"to\":\"REJECTED\",\"effect\":\"ESCALATE\"}]}]}}"));
        var fields = e.fieldErrors().keySet();
        assertTrue(fields.contains("policies.workflows.RT_ACTIVITY.steps[0].whoActs.scope"), fields.toString());
        // SYSTEM may acknowledge, but no service ever would
        assertTrue(fields.contains("policies.workflows.COMPLAINT"), fields.toString());
        // escalate stays in its step
        assertTrue(fields.contains("policies.workflows.SERVICE_REQUEST.steps[0]"), fields.toString());
    }
}
