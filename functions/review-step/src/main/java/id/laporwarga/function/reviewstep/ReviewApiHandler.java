package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.domain.workflow.ActionCommand;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.json.JsonFields;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * review-step HTTP API ({@link ReviewApi}): officials' inbox, case view and actions (JWT-protected routes: the caller
 * comes from the verified claims only), the reporter's confirm/reopen (public routes, proved by the submission
 * secret) and the measured service times.
 */
public class ReviewApiHandler extends HttpApiFunction {
    @Inject
    Provider<ReviewApi> api;

    public ReviewApiHandler() {
        super();
    }

    public ReviewApiHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("GET", "/v1/inbox", r -> ApiResponse.ok(api.get().inbox(api.get().scope(r),
                        QueryParameters.of(r), r.locale())))
                .on("GET", "/v1/cases/{caseId}", r -> ApiResponse.ok(api.get().view(Callers.from(r),
                        r.pathParameter("caseId"), r.locale())))
                .on("POST", "/v1/cases/{caseId}/actions", this::act)
                .on("POST", "/v1/reports/{trackingCode}/confirm", r -> citizen(r, "confirm"))
                .on("POST", "/v1/reports/{trackingCode}/reopen", r -> citizen(r, "reopen"))
                .on("GET", "/v1/admin/service-times", r -> ApiResponse.ok(api.get().serviceTimes(api.get().scope(r),
                        QueryParameters.of(r))));
    }

    ApiResponse act(ApiRequest request) {
        Caller caller = Callers.from(request);
        JsonFields body = JsonFields.root(jsonBody(request));
        JsonFields photo = body.object("photo");
        ActionCommand command = new ActionCommand(body.string("action"), body.string("note"),
                body.integer("expectedVersion"), body.string("category"), body.string("agencyId"), body.string("reason"),
                photo == null ? null : photo.string("contentType"), photo == null ? null : photo.integer("sizeBytes"));
        if (photo != null && command.photoContentType() == null) {
            body.errors().required("photo.contentType");
        }
        if (photo != null && command.photoSizeBytes() == null) {
            body.errors().required("photo.sizeBytes");
        }
        body.errors().throwIfAny();
        return ApiResponse.ok(api.get().act(caller, request.pathParameter("caseId"), command, request.locale()));
    }

    ApiResponse citizen(ApiRequest request, String action) {
        String code = request.pathParameter("trackingCode");
        if (!TrackingCodes.isWellFormed(code)) {
            throw new DomainException(ErrorCode.NOT_FOUND);
        }
        JsonFields body = JsonFields.root(jsonBody(request));
        String secret = body.string("secret");
        String reason = body.string("reason");
        body.errors().throwIfAny();
        return ApiResponse.ok(api.get().citizen(code, action, secret, reason, request.locale()));
    }
}
