package id.laporwarga.platform.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells a passing outage of an AWS dependency (endpoint unreachable, connection refused or reset, timeout, throttling,
 * a 5xx from the service) from a bug. HTTP handlers answer the former with 503 {@code SERVICE_UNAVAILABLE} (the
 * client retries with its Idempotency-Key) instead of 500; SQS handlers fail the record either way, so it is retried
 * and, after maxReceiveCount, kept in the DLQ.
 */
public final class AwsFailures {
    private AwsFailures() {
    }

    /** True if {@code error} or one of its causes says an AWS service could not be reached or is overloaded. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException) {
                // no response at all: connection refused/reset, unknown host, api call (attempt) timeout
                return true;
            }
            if (t instanceof java.io.IOException) {
                // UrlConnectionHttpClient lets a reset while it writes the request out as UncheckedIOException(IOException)
                return true;
            }
            if (t instanceof SdkServiceException s) {
                return s.isThrottlingException() || s.statusCode() >= 500 || s.statusCode() == 429;
            }
        }
        return false;
    }

    /** A short, log-safe description of the failure: exception type and message of the innermost AWS error. */
    public static String describe(Throwable error) {
        Throwable found = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException || t instanceof SdkServiceException || t instanceof java.io.IOException) {
                found = t;
                break;
            }
        }
        if (found == null) {
            return null;
        }
        String message = String.valueOf(found.getMessage());
        return found.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) : message);
    }
}
