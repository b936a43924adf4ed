package id.laporwarga.local;

import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP API routes declared in the template, matched like API Gateway: the most specific route wins. */
public final class RouteTable {
    /** A request's route and its path parameters. */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private static final Comparator<HttpRoute> SPECIFIC_FIRST = Comparator
            .comparing(HttpRoute::isDefault)
            .thenComparing(HttpRoute::greedy)
            .thenComparing(Comparator.comparingInt(HttpRoute::literalSegments).reversed())
            .thenComparing(r -> "ANY".equals(r.method()));

    private final List<HttpRoute> routes;

    public RouteTable(List<HttpRoute> routes) {
        List<HttpRoute> sorted = new ArrayList<>(routes);
        sorted.sort(SPECIFIC_FIRST);
        this.routes = List.copyOf(sorted);
    }

    /** Every {@code HttpApi} event of every function in the template. */
    public static RouteTable fromTemplate(ProvisionedStack stack) {
        SamTemplate t = stack.template();
        List<HttpRoute> routes = new ArrayList<>();
        for (SamTemplate.Function f : t.functions()) {
            for (SamTemplate.HttpApiEvent e : f.events(SamTemplate.HttpApiEvent.class)) {
                String apiId = e.apiId() instanceof Map<?, ?> m && m.get("Ref") instanceof String s ? s
                        : e.apiId() instanceof String s ? s : "ServerlessHttpApi";
                Map<String, Object> apiProps = t.resources().containsKey(apiId)
                        ? t.resource(apiId).properties() : Map.of();
                Map<String, Object> globalApi = t.globals().get("HttpApi") instanceof Map<?, ?> g
                        ? cast(g) : Map.of();
                Object stageName = apiProps.getOrDefault("StageName", globalApi.get("StageName"));
                String stage = stageName == null ? "$default" : stack.resolveString(stageName);
                Object apiAuth = apiProps.getOrDefault("Auth", globalApi.get("Auth"));
                String authorizer = apiAuth instanceof Map<?, ?> a && a.get("DefaultAuthorizer") != null
                        ? String.valueOf(a.get("DefaultAuthorizer")) : null;
                List<String> scopes = List.of();
                if (e.properties().get("Auth") instanceof Map<?, ?> auth) {
                    if (auth.get("Authorizer") != null) {
                        authorizer = String.valueOf(auth.get("Authorizer"));
                    }
                    if (auth.get("AuthorizationScopes") instanceof List<?> l) {
                        scopes = l.stream().map(String::valueOf).toList();
                    }
                }
                if ("NONE".equals(authorizer)) {
                    authorizer = null;
                }
                routes.add(new HttpRoute(e.method(), e.path(), f.logicalId(), e.name(), apiId, stage, authorizer,
                        scopes));
            }
        }
        return new RouteTable(routes);
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    /** The route for a method and raw path, or empty (API Gateway then answers 404 {"message":"Not Found"}). */
    public Optional<Match> match(String method, String rawPath) {
        for (HttpRoute r : routes) {
            if (!r.method().equals(method) && !"ANY".equals(r.method())) {
                continue;
            }
            Map<String, String> params = r.match(rawPath);
            if (params != null) {
                return Optional.of(new Match(r, params));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
