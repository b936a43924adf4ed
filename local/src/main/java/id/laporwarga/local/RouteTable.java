package id.laporwarga.local;

import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Every {@code HttpApi} event of every function in the template, with the authorizer API Gateway puts on it: the
     * event's own, else the API's {@code DefaultAuthorizer}; {@code Authorizer: NONE} makes it public
     * ({@link SamTemplate#routeAuth}).
     */
    public static RouteTable fromTemplate(ProvisionedStack stack) {
        return fromTemplate(stack.template(), stack::resolveString);
    }

    /** The same, resolving each API's {@code StageName} with {@code resolve}. */
    public static RouteTable fromTemplate(SamTemplate t, Function<Object, String> resolve) {
        List<HttpRoute> routes = new ArrayList<>();
        Map<String, Object> globalApi = t.globals().get("HttpApi") instanceof Map<?, ?> g ? cast(g) : Map.of();
        for (SamTemplate.Function f : t.functions()) {
            for (SamTemplate.HttpApiEvent e : f.events(SamTemplate.HttpApiEvent.class)) {
                SamTemplate.RouteAuth auth = t.routeAuth(e);
                Map<String, Object> apiProps = t.resources().containsKey(auth.apiLogicalId())
                        ? t.resource(auth.apiLogicalId()).properties() : Map.of();
                Object stageName = apiProps.getOrDefault("StageName", globalApi.get("StageName"));
                String stage = stageName == null ? "$default" : resolve.apply(stageName);
                routes.add(new HttpRoute(e.method(), e.path(), f.logicalId(), e.name(), auth.apiLogicalId(), stage,
                        auth.authorizer(), auth.scopes()));
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
