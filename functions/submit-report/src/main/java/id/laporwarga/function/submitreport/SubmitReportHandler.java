package id.laporwarga.function.submitreport;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.http.Routes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * submit-report: {@code POST /v1/reports} (idempotent), RT heads' {@code POST /v1/rt/reports} (the RT from the
 * verified token), the public tracking view, the tenant catalogue that the mobile app shows in its pickers, and the
 * API's OpenAPI document.
 */
public class SubmitReportHandler extends HttpApiFunction {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(SubmitReportHandler.class, InitPhaseWarmup.AwsClient.S3_PRESIGNER);
    }

    @Inject
    Provider<ReportsApi> api;

    public SubmitReportHandler() {
        super();
    }

    public SubmitReportHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("POST", "/v1/reports", r -> submit(r, null))
                .on("POST", "/v1/rt/reports", r -> submit(r, Callers.from(r))) // 401 without a verified token
                .on("GET", "/v1/reports/{trackingCode}",
                        r -> ApiResponse.ok(api.get().publicView(r.pathParameter("trackingCode"), r.locale())))
                .on("GET", "/v1/tenants", r -> ApiResponse.ok(api.get().tenants()))
                .on("GET", "/v1/tenants/{tenantId}/categories",
                        r -> ApiResponse.ok(api.get().categories(r.pathParameter("tenantId"), QueryParameters.of(r))))
                .on("GET", "/v1/openapi.json", r -> ApiResponse.ok(api.get().openApi())
                        .withHeader("Cache-Control", "public, max-age=300"));
    }

    @Override
    protected void primeClients(ApplicationContext ctx) throws Exception {
        super.primeClients(ctx);
        api.get();
    }

    /** A citizen's report, or with {@code rtHead} an RT head's activity report for the RT of the token. */
    ApiResponse submit(ApiRequest request, Caller rtHead) {
        var parsed = SubmitReportRequests.parse(jsonBody(request));
        String key = request.header("idempotency-key").orElse(null);
        var submitted = rtHead == null ? api.get().submit(parsed, key) : api.get().submitRtActivity(rtHead, parsed, key);
        String code = submitted.reportCase().trackingCode();
        ApiResponse response = ApiResponse.created(ReportViews.Submitted.of(submitted, request.locale()))
                .withHeader("Location", "/v1/reports/" + code);
        return submitted.created() ? response : response.withHeader("Idempotent-Replayed", "true");
    }
}
