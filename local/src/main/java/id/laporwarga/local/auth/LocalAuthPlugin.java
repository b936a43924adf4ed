package id.laporwarga.local.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.local.LocalPlugin;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.store.DynamoRoster;
import id.laporwarga.local.LocalRuntime;
import id.laporwarga.local.RequestAuthorizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Officials' sign-in in the local stack (never part of the template):
 * <ul>
 *   <li>{@code POST /_local/tokens {"role":"KELURAHAN","tenant":"kotamobagu","area":"71.74.02.1007",
 *       "sub"?, "expiresInSeconds"?}} mints a token signed by the local key ({@code expiresInSeconds} may be
 *       negative to get an expired one); answers {@code {"token","tokenType":"Bearer","expiresAt","claims"}};</li>
 *       A token for role RT_HEAD is minted only for an active RT of the tenant's roster ({@code area} = the rtId),
 *       else 422 {@code UNKNOWN_RT}: as in Cognito, where only the roster import creates RT heads' accounts;</li>
 *   <li>{@code GET /_local/jwks.json} publishes the public key;</li>
 *   <li>every route API Gateway would guard (the event's {@code Auth.Authorizer}, else the API's
 *       {@code DefaultAuthorizer}; not {@code Authorizer: NONE}) is checked by {@link LocalJwtAuthorizer}.</li>
 * </ul>
 */
public final class LocalAuthPlugin implements LocalPlugin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(LocalAuthPlugin.class.getName());
    private static final Set<String> ROLES = Set.of("RT_HEAD", "KELURAHAN", "KECAMATAN", "CITY_ADMIN", "AGENCY_STAFF",
            "ANALYST", "PLATFORM_ADMIN");

    private final LocalTokens tokens;
    /** The stack's roster (null without a table, e.g. a test template): RT heads' tokens only for rostered RTs. */
    private volatile Roster roster;

    public LocalAuthPlugin() {
        this(new LocalTokens());
    }

    public LocalAuthPlugin(LocalTokens tokens) {
        this.tokens = tokens;
    }

    public LocalTokens tokens() {
        return tokens;
    }

    @Override
    public void register(LocalRuntime runtime) {
        try {
            Map<String, String> env = SampleTenants.environment(runtime.stack());
            roster = new DynamoRoster(runtime.aws().dynamoDb(), new FunctionEnvironment(env));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "no table in this stack: RT heads' tokens are not checked against a roster");
        }
        if (runtime.authorizer() == RequestAuthorizer.PASS_THROUGH) {
            runtime.authorizer(new LocalJwtAuthorizer(tokens));
        } else {
            // a plugin passed in the options (e.g. a test's own authorizer) wins over this service-loaded one
            LOG.log(System.Logger.Level.INFO, "an authorizer is installed already; local JWT checks not installed");
        }
        runtime.httpServer().createContext("/_local/tokens", this::mint);
        runtime.httpServer().createContext("/_local/jwks.json", ex -> {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, Map.of("message", "Method Not Allowed"));
                return;
            }
            reply(ex, 200, tokens.jwks());
        });
    }

    @Override
    public String name() {
        return "local-auth (POST /_local/tokens)";
    }

    private void mint(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, Map.of("message", "use POST /_local/tokens {role, tenant, area}"));
            return;
        }
        Map<?, ?> body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Map.class);
        } catch (IOException e) {
            reply(ex, 400, Map.of("message", "body must be a JSON object"));
            return;
        }
        Object role = body.get("role");
        if (!(role instanceof String r) || !ROLES.contains(r)) {
            reply(ex, 400, Map.of("message", "role must be one of " + ROLES));
            return;
        }
        if ("RT_HEAD".equals(role) && roster != null && !(body.get("tenant") instanceof String tenant
                && body.get("area") instanceof String area && roster.isActive(tenant, area))) {
            reply(ex, 422, Map.of("error", Map.of("code", "UNKNOWN_RT",
                    "message", "RT tidak terdaftar di daftar RT pemda ini.",
                    "fields", Map.of("area", "an RT head's token needs an active rtId of the tenant's roster"))));
            return;
        }
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("custom:role", (String) role);
        putIfText(claims, "custom:tenant", body.get("tenant"));
        putIfText(claims, "custom:area", body.get("area"));
        if (body.get("email") instanceof String email) {
            claims.put("email", email);
        }
        String subject = body.get("sub") instanceof String s && !s.isBlank() ? s : "local-" + UUID.randomUUID();
        long seconds = body.get("expiresInSeconds") instanceof Number n ? n.longValue()
                : LocalTokens.DEFAULT_VALIDITY.toSeconds();
        String token = tokens.mint(subject, claims, Duration.ofSeconds(seconds));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("tokenType", "Bearer");
        out.put("expiresAt", Instant.now().plusSeconds(seconds).toString());
        Map<String, Object> shown = new LinkedHashMap<>(claims);
        shown.put("sub", subject);
        out.put("claims", shown);
        reply(ex, 201, out);
    }

    private static void putIfText(Map<String, String> claims, String name, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            claims.put(name, s);
        }
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
        ex.close();
    }
}
