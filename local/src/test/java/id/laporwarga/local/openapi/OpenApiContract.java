package id.laporwarga.local.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.laporwarga.testkit.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API's contract, {@code docs/openapi.json} (OpenAPI 3.1), as a validator of live requests and answers: Atlassian's
 * {@code swagger-request-validator} checks bodies only for OpenAPI 3.0 documents (a 3.1 document passes any body), so it
 * is given the document's 3.0 view ({@link #view30}): the same schemas with {@code type: [T, "null"]} written as
 * {@code type: T, nullable: true}. The document uses no other 3.1-only construct ({@code OpenApiContractTest} checks).
 */
public final class OpenApiContract {
    public static final Path DOCUMENT = Path.of("docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiContract shared;

    private final JsonNode document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(view30(document).toString())
                .withBasePathOverride("/").build();
    }

    /** The repository's document. */
    public static OpenApiContract repository() {
        OpenApiContract c = shared;
        if (c == null) {
            c = new OpenApiContract(read(RepositoryFiles.resolve(DOCUMENT.toString())));
            shared = c;
        }
        return c;
    }

    /** A contract of another document (tests of the checks themselves). */
    public static OpenApiContract of(JsonNode document) {
        return new OpenApiContract(document);
    }

    public JsonNode document() {
        return document;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with one exchange, empty if nothing. The answer is always checked; the request only when the API
     * accepted it (2xx): the end-to-end suites also send bad requests on purpose, whose 4xx answers must match too.
     */
    public List<String> violations(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                                   int status, Map<String, List<String>> responseHeaders, String responseBody) {
        SimpleRequest.Builder rb = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                rb.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        requestHeaders.forEach((name, values) -> rb.withHeader(name, values));
        if (requestBody != null && !requestBody.isEmpty()) {
            rb.withBody(requestBody);
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        responseHeaders.forEach((name, values) -> response.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        ValidationReport report = status >= 200 && status < 300
                ? validator.validate(rb.build(), response.build())
                : validator.validateResponse(uri.getRawPath(), Request.Method.valueOf(method), response.build());
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(m.getKey() + ": " + m.getMessage() + m.getAdditionalInfo());
            }
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The document as OpenAPI 3.0.3, for the validator. */
    public static JsonNode view30(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        if (copy.get("info") instanceof ObjectNode info) {
            info.remove("summary");
            if (info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
        }
        downgrade(copy);
        return copy;
    }

    private static void downgrade(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("$ref")) {
                // 3.0 references have no siblings (3.1 allows a description beside them)
                o.retain("$ref");
                return;
            }
            if (o.get("type") instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                boolean nullable = false;
                for (JsonNode t : types) {
                    if ("null".equals(t.asText())) {
                        nullable = true;
                    } else {
                        named.add(t.asText());
                    }
                }
                if (named.size() != 1) {
                    throw new IllegalArgumentException("a type list other than [T, \"null\"]: " + types);
                }
                o.put("type", named.get(0));
                if (nullable) {
                    o.put("nullable", true);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                downgrade(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(OpenApiContract::downgrade);
        }
    }
}
