package id.laporwarga.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration: on Lambda the process environment; in the local stack and in tests, the environment
 * the runner resolved from template.yaml for that function (several functions share one JVM there).
 */
public final class FunctionEnvironment {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String PHOTOS_BUCKET = "PHOTOS_BUCKET";
    public static final String CASE_EVENTS_TOPIC_ARN = "CASE_EVENTS_TOPIC_ARN";
    public static final String AGENCY_ALERTS_TOPIC_ARN = "AGENCY_ALERTS_TOPIC_ARN";
    public static final String CITIZEN_NOTICES_TOPIC_ARN = "CITIZEN_NOTICES_TOPIC_ARN";
    public static final String SUPERVISOR_ALERTS_TOPIC_ARN = "SUPERVISOR_ALERTS_TOPIC_ARN";
    public static final String ANALYTICS_BUCKET = "ANALYTICS_BUCKET";
    /** Tenants' boundary files ({@code boundaries/<tenant>/<version>.geojson.gz}) and admins' uploads. */
    public static final String BOUNDARIES_BUCKET = "BOUNDARIES_BUCKET";
    /** Positions of tenants' polygons a container keeps in memory at most (least recently used dropped first). */
    public static final String TENANT_CACHE_POSITIONS = "LAPOR_TENANT_CACHE_POSITIONS";
    /** The officials' console; alerts link to {@code <base>/#/cases/<caseId>} (sign-in), never to raw photo URLs. */
    public static final String CONSOLE_BASE_URL = "CONSOLE_BASE_URL";
    /** The verified SES sender of e-mailed notices and referrals (the citizen-notice function only). */
    public static final String NOTICE_SENDER_EMAIL = "NOTICE_SENDER_EMAIL";
    /** The Secrets Manager secret holding the key of reporters' secrets (submit-report, review-step). */
    public static final String REPORTER_SECRET_KEY_ARN = "REPORTER_SECRET_KEY_ARN";
    /** The officials' Cognito user pool (only the roster function, which provisions RT heads' accounts). */
    public static final String OFFICIALS_USER_POOL_ID = "OFFICIALS_USER_POOL_ID";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_REGION = "AWS_REGION";
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

    private final Map<String, String> values;

    public FunctionEnvironment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static FunctionEnvironment fromProcess() {
        return new FunctionEnvironment(System.getenv());
    }

    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("missing configuration: " + name));
    }

    public String getOrDefault(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** Endpoint for one service: {@code AWS_ENDPOINT_URL_<SERVICE>} first, then {@code AWS_ENDPOINT_URL}. */
    public Optional<String> endpointFor(String service) {
        return get(AWS_ENDPOINT_URL + "_" + service).or(() -> get(AWS_ENDPOINT_URL));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
