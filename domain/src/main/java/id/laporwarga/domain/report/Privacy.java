package id.laporwarga.domain.report;

/**
 * PUBLIC: shown publicly, reporter known to officials. ANONYMOUS: the reporter's identity is hidden from agencies and
 * the public. CONFIDENTIAL: the case itself is not shown publicly (only its status to whoever holds the tracking code).
 */
public enum Privacy {
    PUBLIC, ANONYMOUS, CONFIDENTIAL
}
