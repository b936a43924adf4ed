package id.laporwarga.domain.memory;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.routing.AgencyAlert;
import id.laporwarga.domain.routing.CitizenNotice;
import id.laporwarga.domain.routing.RoutingNotifications;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.ReviewOutbox;
import id.laporwarga.domain.workflow.StepRule;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the functions tell the outside world, recorded in memory: case events ({@link PhotoVerification.EventSink}),
 * agency alerts and citizen notices ({@link RoutingNotifications}), workflow moves and supervisor alerts (once per
 * case and deadline, {@link ReviewOutbox}).
 */
public class MemoryMessages implements PhotoVerification.EventSink, RoutingNotifications, ReviewOutbox {
    public final List<CaseEvent> events = new CopyOnWriteArrayList<>();
    public final List<AgencyAlert> alerts = new CopyOnWriteArrayList<>();
    public final List<CitizenNotice> notices = new CopyOnWriteArrayList<>();
    /** {@code caseId:FROM->TO:action} per stored move. */
    public final List<String> moves = new CopyOnWriteArrayList<>();
    /** {@code caseId:STATUS} per supervisor alert. */
    public final List<String> overdueAlerts = new CopyOnWriteArrayList<>();
    private final Set<String> alerted = new HashSet<>();
    private final AtomicInteger messageIds = new AtomicInteger();

    @Override
    public void publish(CaseEvent event) {
        events.add(event);
    }

    @Override
    public String publishAgencyAlert(AgencyAlert alert) {
        alerts.add(alert);
        return "memory-" + messageIds.incrementAndGet();
    }

    @Override
    public String publishCitizenNotice(CitizenNotice notice) {
        notices.add(notice);
        return "memory-" + messageIds.incrementAndGet();
    }

    @Override
    public void statusChanged(ReportCase before, ReportCase after, ActionRule action) {
        moves.add(after.caseId() + ":" + before.status() + "->" + after.status() + ":" + action.name());
    }

    @Override
    public synchronized boolean overdue(ReportCase overdue, StepRule step, Instant now) {
        if (!alerted.add(overdue.caseId() + "#" + overdue.deadlineAt())) {
            return false;
        }
        overdueAlerts.add(overdue.caseId() + ":" + overdue.status());
        return true;
    }
}
