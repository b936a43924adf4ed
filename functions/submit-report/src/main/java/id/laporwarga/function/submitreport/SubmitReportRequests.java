package id.laporwarga.function.submitreport;

import id.laporwarga.domain.report.PhotoDeclaration;
import id.laporwarga.domain.report.SubmitReportRequest;
import id.laporwarga.platform.json.JsonFields;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON body of {@code POST /v1/reports} into the domain's request, with per-field type errors. */
final class SubmitReportRequests {
    private SubmitReportRequests() {
    }

    static SubmitReportRequest parse(JsonNode root) {
        JsonFields body = JsonFields.root(root);
        JsonFields location = body.object("location");
        JsonFields reporter = body.object("reporter");
        List<JsonFields> photoFields = body.objects("photos");
        List<PhotoDeclaration> photos = null;
        if (photoFields != null) {
            photos = new ArrayList<>(photoFields.size());
            for (JsonFields p : photoFields) {
                photos.add(p == null ? null : new PhotoDeclaration(p.string("contentType"), p.integer("sizeBytes")));
            }
        }
        SubmitReportRequest request = new SubmitReportRequest(
                body.string("kind"),
                body.string("category"),
                body.string("description"),
                location == null ? null : location.number("lat"),
                location == null ? null : location.number("lon"),
                body.string("privacy"),
                reporter == null ? null : reporter.string("name"),
                reporter == null ? null : reporter.string("phone"),
                body.string("rtId"),
                photos,
                body.string("tenantId"),
                body.string("channel"),
                reporter == null ? null : reporter.string("email"),
                reporter == null ? null : reporter.string("language"));
        body.errors().throwIfAny();
        return request;
    }
}
