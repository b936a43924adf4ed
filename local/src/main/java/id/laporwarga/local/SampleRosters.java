package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.laporwarga.emulators.SampleTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The sample tenants' RT rosters ({@code sample-data/<tenant>/roster.csv}) and the runner's own admin requests that
 * onboard a sample tenant and import its roster.
 */
final class SampleRosters {
    static final String FUNCTION = "RosterAdminFunction";
    static final String TENANT_FUNCTION = "TenantAdminFunction";

    private SampleRosters() {
    }

    static Optional<String> csv(String tenantId) {
        Path file = SampleTenants.directory().resolve(tenantId).resolve("roster.csv");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PUT /v1/admin/tenants/{tenantId}/roster} with the CSV, as a platform admin (the runner's own call). */
    static APIGatewayV2HTTPEvent importEvent(String tenantId, String csv) {
        return adminPut(tenantId, "/roster", "text/csv", csv);
    }

    /** {@code PUT /v1/admin/tenants/{tenantId}} with the tenant document, as a platform admin. */
    static APIGatewayV2HTTPEvent tenantEvent(String tenantId, String document) {
        return adminPut(tenantId, "", "application/json", document);
    }

    private static APIGatewayV2HTTPEvent adminPut(String tenantId, String suffix, String contentType, String body) {
        String path = "/v1/admin/tenants/" + tenantId + suffix;
        String routeKey = "PUT /v1/admin/tenants/{tenantId}" + suffix;
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT(
                Map.of("sub", "lapor-local", "custom:role", "PLATFORM_ADMIN"), java.util.List.of()));
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withHeaders(Map.of("content-type", contentType)).withPathParameters(Map.of("tenantId", tenantId))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withRequestId("lapor-local-admin-" + tenantId + suffix.replace('/', '-')).withStage("$default")
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("PUT").withPath(path)
                                .build()).build())
                .build();
    }
}
