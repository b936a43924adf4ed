package id.laporwarga.local;

import java.util.List;
import java.util.Map;

/**
 * The local stand-in for API Gateway's authorizers. Called for every request before the function; it may fill
 * {@code requestContext.authorizer.jwt.claims}/{@code scopes} or reject the request: 401 when a JWT is missing or
 * invalid, 403 when scopes do not match, answered by the bridge in the API's error shape
 * ({@code {"error":{"code":"UNAUTHORIZED"|"FORBIDDEN","message"}}}, Indonesian by default; API Gateway itself answers
 * {@code {"message":"Unauthorized"}}, see docs/api.md). {@link HttpRoute#authorizer()} names the authorizer the template puts on the route: its own,
 * else the API's {@code DefaultAuthorizer} (null for none, e.g. {@code Authorizer: NONE}). The default lets
 * everything through without claims; a {@link LocalPlugin} installs a real one with
 * {@link LocalRuntime#authorizer(RequestAuthorizer)}.
 */
@FunctionalInterface
public interface RequestAuthorizer {
    RequestAuthorizer PASS_THROUGH = (route, headers) -> Decision.anonymous();

    /**
     * @param route   the matched route
     * @param headers the request's headers, names in lower case
     */
    Decision authorize(HttpRoute route, Map<String, String> headers);

    sealed interface Decision permits Allow, Deny {
        /** Let the request through without an authorizer block. */
        static Decision anonymous() {
            return new Allow(null, null);
        }

        static Decision jwt(Map<String, String> claims, List<String> scopes) {
            return new Allow(claims, scopes);
        }

        static Decision unauthorized() {
            return new Deny(401, "Unauthorized");
        }

        static Decision forbidden() {
            return new Deny(403, "Forbidden");
        }
    }

    /** Allowed; with claims (may be empty) the event carries {@code requestContext.authorizer.jwt}. */
    record Allow(Map<String, String> claims, List<String> scopes) implements Decision {
    }

    /** Rejected with this status (401 UNAUTHORIZED, 403 FORBIDDEN); {@code message} is for logs only. */
    record Deny(int status, String message) implements Decision {
    }
}
