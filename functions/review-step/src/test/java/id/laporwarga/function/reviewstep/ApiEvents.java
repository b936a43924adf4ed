package id.laporwarga.function.reviewstep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP API payload 2.0 events as API Gateway hands them to the function, with the JWT authorizer's claims. */
final class ApiEvents {
    private ApiEvents() {
    }

    static Map<String, String> claims(String subject, String role, String tenant, String area) {
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

    static APIGatewayV2HTTPEvent event(String method, String routeKey, String path, Map<String, String> pathParameters,
                                       Map<String, String> query, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(routeKey);
        e.setRawPath(path);
        e.setPathParameters(pathParameters);
        e.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        e.setHeaders(headers);
        e.setBody(body);
        e.setIsBase64Encoded(false);
        APIGatewayV2HTTPEvent.RequestContext ctx = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        ctx.setHttp(http);
        ctx.setRequestId("test-" + System.nanoTime());
        if (claims != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            authorizer.setJwt(jwt);
            ctx.setAuthorizer(authorizer);
        }
        e.setRequestContext(ctx);
        return e;
    }
}
