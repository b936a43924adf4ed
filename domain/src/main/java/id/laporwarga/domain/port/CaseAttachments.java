package id.laporwarga.domain.port;

import java.util.List;

/** The files officials attached to a case's actions (e.g. the resolution photo) that were actually uploaded. */
public interface CaseAttachments {
    /** Their storage keys; empty when none (or when the store cannot be read now: attachments are best effort). */
    List<String> keys(String tenantId, String caseId);
}
