package id.laporwarga.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) events as API Gateway hands them to a function: built from scratch, or from an
 * {@code events/} file and changed. Claims are what the JWT authorizer verified ({@code requestContext.authorizer.jwt}).
 */
public final class HttpEvents {
    private HttpEvents() {
    }

    /** JWT claims of an official (Cognito custom attributes); tenant and area may be null. */
    public static Map<String, String> claims(String subject, String role, String tenant, String area) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", subject);
        c.put("custom:role", role);
        if (tenant != null) {
            c.put("custom:tenant", tenant);
        }
        if (area != null) {
            c.put("custom:area", area);
        }
        return c;
    }

    /** A request to the route {@code method routeTemplate}; set the concrete path with {@link Builder#path}. */
    public static Builder request(String method, String routeTemplate) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(method + " " + routeTemplate);
        e.setRawPath(routeTemplate);
        e.setHeaders(new HashMap<>(Map.of("content-type", "application/json")));
        e.setIsBase64Encoded(false);
        APIGatewayV2HTTPEvent.RequestContext ctx = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(routeTemplate);
        ctx.setHttp(http);
        ctx.setRequestId("test-" + UUID.randomUUID());
        e.setRequestContext(ctx);
        return new Builder(e);
    }

    /** The event of an {@code events/} file, to change. */
    public static Builder file(String name) {
        return new Builder(LambdaEvents.load(name, APIGatewayV2HTTPEvent.class));
    }

    /** Changes one event in place. */
    public static final class Builder {
        private final APIGatewayV2HTTPEvent event;

        private Builder(APIGatewayV2HTTPEvent event) {
            this.event = event;
            if (event.getHeaders() != null) {
                event.setHeaders(new HashMap<>(event.getHeaders()));
            }
        }

        public Builder path(String path) {
            event.setRawPath(path);
            event.getRequestContext().getHttp().setPath(path);
            return this;
        }

        public Builder pathParameters(Map<String, String> parameters) {
            event.setPathParameters(parameters);
            return this;
        }

        /** Sets one path parameter and replaces {@code {name}} in the path with it. */
        public Builder pathParameter(String name, String value) {
            Map<String, String> p = event.getPathParameters() == null ? new HashMap<>()
                    : new HashMap<>(event.getPathParameters());
            String old = p.put(name, value);
            event.setPathParameters(p);
            String path = event.getRawPath();
            return path(old != null && path.contains("/" + old) ? path.replace("/" + old, "/" + value)
                    : path.replace("{" + name + "}", value));
        }

        public Builder query(Map<String, String> query) {
            event.setQueryStringParameters(query);
            return this;
        }

        public Builder header(String name, String value) {
            if (event.getHeaders() == null) {
                event.setHeaders(new HashMap<>());
            }
            if (value == null) {
                event.getHeaders().remove(name);
            } else {
                event.getHeaders().put(name, value);
            }
            return this;
        }

        public Builder body(String body) {
            event.setBody(body);
            return this;
        }

        /** The verified claims; null: no authorizer result (an anonymous request). */
        public Builder claims(Map<String, String> claims) {
            if (claims == null) {
                event.getRequestContext().setAuthorizer(null);
                return this;
            }
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            authorizer.setJwt(jwt);
            event.getRequestContext().setAuthorizer(authorizer);
            return this;
        }

        public APIGatewayV2HTTPEvent build() {
            return event;
        }
    }
}
