package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.ReportCase;

/**
 * One move applied by {@link StateMachine}: the case before (null for a submission), the case to store, the catalogue
 * move made, and the event describing it.
 */
public record Transition(ReportCase before, ReportCase after, ActionRule move, TransitionEvent event) {
}
