package id.laporwarga.function.verifygeotag;

import java.io.PrintStream;

/**
 * CloudWatch metrics as Embedded Metric Format log lines (no PutMetricData call, no extra latency): namespace
 * {@code LaporWarga}, dimension {@code Function}; {@code PhotoBytesRead} (Bytes) and {@code PhotoVerifyTime}
 * (Milliseconds) per verified photo. Ids and numbers only.
 */
final class GeotagMetrics {
    static final String NAMESPACE = "LaporWarga";
    private static volatile PrintStream out = System.out;

    private GeotagMetrics() {
    }

    static void setOutput(PrintStream stream) {
        out = stream;
    }

    static void photoVerified(String tenantId, String verdict, long bytesRead, long millis) {
        String line = "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":\"PhotoBytesRead\",\"Unit\":\"Bytes\"},"
                + "{\"Name\":\"PhotoVerifyTime\",\"Unit\":\"Milliseconds\"}]}]},\"Function\":\"VerifyGeotag\","
                + "\"tenant\":\"" + safe(tenantId) + "\",\"verdict\":\"" + safe(verdict) + "\",\"PhotoBytesRead\":" + bytesRead
                + ",\"PhotoVerifyTime\":" + millis + "}";
        out.println(line);
    }

    /** One count of {@code PhotoTamperAttempts} (a write to an already verified photo's key). */
    static void tamperAttempt(String tenantId) {
        out.println("{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":\"PhotoTamperAttempts\","
                + "\"Unit\":\"Count\"}]}]},\"Function\":\"VerifyGeotag\",\"tenant\":\"" + safe(tenantId)
                + "\",\"PhotoTamperAttempts\":1}");
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9_.-]", "");
    }
}
