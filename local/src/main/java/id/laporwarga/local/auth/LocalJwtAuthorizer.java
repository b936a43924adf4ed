package id.laporwarga.local.auth;

import id.laporwarga.local.HttpRoute;
import id.laporwarga.local.RequestAuthorizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API JWT authorizer of the template, locally: routes without an authorizer pass through without claims
 * (as on AWS, a token sent to a public route is not even read); routes with one need {@code Authorization: Bearer
 * <token>} (the bare token is accepted too, as API Gateway does) signed by the local key, with the right issuer and
 * audience and not expired, else 401. Scopes of the route, if any, must be in the token's {@code scope} claim, else
 * 403.
 */
public final class LocalJwtAuthorizer implements RequestAuthorizer {
    private final LocalTokens tokens;

    public LocalJwtAuthorizer(LocalTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Decision authorize(HttpRoute route, Map<String, String> headers) {
        if (route.authorizer() == null) {
            return Decision.anonymous();
        }
        String header = headers.get("authorization");
        if (header == null || header.isBlank()) {
            return Decision.unauthorized();
        }
        String token = header.strip();
        if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = token.substring(7).strip();
        }
        Optional<Map<String, String>> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return Decision.unauthorized();
        }
        List<String> scopes = scopes(claims.get().get("scope"));
        if (!route.authorizationScopes().isEmpty()
                && route.authorizationScopes().stream().noneMatch(scopes::contains)) {
            return Decision.forbidden();
        }
        return Decision.jwt(claims.get(), scopes);
    }

    private static List<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
    }
}
