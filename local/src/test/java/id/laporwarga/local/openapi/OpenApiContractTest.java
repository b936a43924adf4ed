package id.laporwarga.local.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.testkit.RepositoryFiles;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.json against template.yaml and against itself: every route of the HTTP API with its authorizer (public
 * or the Cognito JWT) and nothing extra either way; a valid OpenAPI 3.1 document; each example it shows is valid for
 * its own operation; a field whose type changes is caught by the validator that the end-to-end clients use.
 */
class OpenApiContractTest {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    final OpenApiContract contract = OpenApiContract.repository();
    final JsonNode doc = contract.document();

    @Test
    void everyRouteOfTheTemplateWithItsAuthorizerAndNothingElse() {
        SamTemplate template = SamTemplate.load(RepositoryFiles.templateYaml());
        TreeSet<String> inTemplate = new TreeSet<>();
        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.HttpApiEvent e : f.events(SamTemplate.HttpApiEvent.class)) {
                inTemplate.add(e.routeKey() + (template.routeAuth(e).isPublic() ? " public" : " JWT"));
            }
        }
        assertEquals(inTemplate, routes(doc), "template.yaml's routes vs docs/openapi.json (add the route to the"
                + " document, with security: [] for Auth: Authorizer: NONE)");
    }

    static TreeSet<String> routes(JsonNode doc) {
        boolean defaultJwt = doc.path("security").size() > 0;
        TreeSet<String> out = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> {
            for (String m : METHODS) {
                JsonNode op = p.getValue().get(m);
                if (op != null) {
                    boolean secured = op.has("security") ? op.get("security").size() > 0 : defaultJwt;
                    out.add(m.toUpperCase() + " " + p.getKey() + (secured ? " JWT" : " public"));
                }
            }
        });
        return out;
    }

    @Test
    void aValidOpenApi31Document() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                Files.readString(RepositoryFiles.resolve(OpenApiContract.DOCUMENT.toString())), null, options);
        assertEquals(List.of(), parsed.getMessages());
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.1"), parsed.getOpenAPI().getOpenapi());
        assertEquals(doc.path("paths").size(), parsed.getOpenAPI().getPaths().size());
        // the validator's 3.0 view parses as well, and keeps every path
        SwaggerParseResult view = new OpenAPIV3Parser().readContents(OpenApiContract.view30(doc).toString(), null, options);
        assertEquals(List.of(), view.getMessages());
        assertEquals(doc.path("paths").size(), view.getOpenAPI().getPaths().size());
    }

    @Test
    void everyErrorCodeOfTheDomainIsInTheErrorShape() {
        TreeSet<String> documented = new TreeSet<>();
        doc.at("/components/schemas/Error/properties/error/properties/code/enum").forEach(c -> documented.add(c.asText()));
        TreeSet<String> codes = new TreeSet<>(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertEquals(codes, documented);
    }

    @Test
    void everyExampleIsValidForItsOperationAndATypeChangeIsCaught() {
        int checked = 0;
        int mutated = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String m : METHODS) {
                JsonNode op = path.getValue().get(m);
                if (op == null) {
                    continue;
                }
                URI uri = URI.create(withExamples(path.getKey(), op));
                Map<String, List<String>> headers = requestHeaders(op);
                String request = op.at("/requestBody/content/application~1json/example").isMissingNode() ? null
                        : op.at("/requestBody/content/application~1json/example").toString();
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.get("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode example = r.getValue().at("/content/application~1json/example");
                    if (example.isMissingNode()) {
                        continue;
                    }
                    int status = Integer.parseInt(r.getKey());
                    Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
                    List<String> violations = contract.violations(m.toUpperCase(), uri, headers, request, status, json,
                            example.toString());
                    assertEquals(List.of(), violations, m + " " + path.getKey() + " " + status + " example");
                    checked++;
                    JsonNode broken = changeAType(example);
                    if (broken != null) {
                        assertFalse(contract.violations(m.toUpperCase(), uri, headers, request, status, json,
                                broken.toString()).isEmpty(), m + " " + path.getKey() + ": a field of another type passes: " + broken);
                        mutated++;
                    }
                }
            }
        }
        assertTrue(checked >= 15 && mutated >= 15, checked + " examples checked, " + mutated + " mutations caught");
    }

    @Test
    void errorAnswersAreCheckedToo() {
        URI uri = URI.create("/v1/reports/KOT-XXXX-XXXX");
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        assertEquals(List.of(), contract.violations("GET", uri, Map.of(), null, 404, json,
                "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Data tidak ditemukan.\"}}"));
        assertFalse(contract.violations("GET", uri, Map.of(), null, 404, json,
                "{\"error\":{\"code\":\"NO_SUCH_CODE\",\"message\":\"?\"}}").isEmpty(), "an undocumented code");
        assertFalse(contract.violations("GET", URI.create("/v1/nowhere"), Map.of(), null, 200, json, "{}").isEmpty(),
                "a path the document does not have");
    }

    /** The example with its first string or number field (depth first) of the other type; null if it has none. */
    static JsonNode changeAType(JsonNode example) {
        JsonNode copy = example.deepCopy();
        return change(copy) ? copy : null;
    }

    private static boolean change(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isTextual()) {
                    o.set(name, IntNode.valueOf(42));
                    return true;
                }
                if (v.isNumber()) {
                    o.put(name, "42");
                    return true;
                }
            }
            for (String name : names) {
                if (change(o.get(name))) {
                    return true;
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (change(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String withExamples(String template, JsonNode op) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "x";
            for (JsonNode p : op.path("parameters")) {
                if ("path".equals(p.path("in").asText()) && m.group(1).equals(p.path("name").asText())) {
                    value = p.path("example").asText("x");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, List<String>> requestHeaders(JsonNode op) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        for (JsonNode p : op.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                headers.put(p.path("name").asText(), List.of(p.path("example").asText("x")));
            }
        }
        if (op.has("security") && op.get("security").isEmpty()) {
            return headers;
        }
        headers.put("Authorization", List.of("Bearer eyJ.example.token"));
        return headers;
    }
}
