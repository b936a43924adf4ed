package id.laporwarga.domain.routing;

import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.report.CaseStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a case goes and why: {@link CaseRouter}'s choice of the responsible party and of the routing move, with the
 * state and due date the workflow catalogue gives that move.
 *
 * @param outcome      the kind of destination
 * @param status       the case's status after routing (the catalogue's target of {@code move})
 * @param agencyId     the agency, triage desk or review chain ({@code kelurahan:<code>}) that now owns the case; null
 *                     for {@link Outcome#RT} (the RT head acts; nobody is assigned)
 * @param agencyName   its display name
 * @param dueAt        due date of the step entered, from the catalogue (null for an external referral: nothing is due
 *                     from the Pemda)
 * @param historyNote  the audit-trail note (Indonesian), e.g. "Diteruskan ke Dinas Lingkungan Hidup"
 * @param citizenNotice for {@link Outcome#REFERRED_EXTERNAL}: what the reporter is told; null otherwise
 * @param move         the catalogue move: {@code route}, {@code refer} or {@code triage}
 */
public record RoutingDecision(Outcome outcome, CaseStatus status, String agencyId, String agencyName, Instant dueAt,
                              String historyNote, LocalizedText citizenNotice, String move) {

    public enum Outcome {
        /** The category's (or the kecamatan override's) agency of the Pemda. */
        AGENCY,
        /** A vertical institution outside the Pemda (PDAM, PLN, BPN, police): referred, with a citizen notice. */
        REFERRED_EXTERNAL,
        /** Unknown or ambiguous category, or a category pointing at an unknown agency: the tenant's triage desk. */
        TRIAGE,
        /** An RT activity report: the review chain of the RT's kelurahan. */
        KELURAHAN_REVIEW,
        /** A service request: its RT approves it first (never the complaint triage desk). */
        RT
    }

    public RoutingDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(move, "move");
        if (outcome != Outcome.RT) {
            Objects.requireNonNull(agencyId, "agencyId");
            Objects.requireNonNull(agencyName, "agencyName");
        }
    }

    /** Whether the responsible party is alerted on the agency-alerts topic (never an external referral or an RT). */
    public boolean alertsAgency() {
        return outcome != Outcome.REFERRED_EXTERNAL && outcome != Outcome.RT;
    }
}
