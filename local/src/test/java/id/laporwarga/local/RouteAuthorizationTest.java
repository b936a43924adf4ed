package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.emulators.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The local stack guards exactly the routes API Gateway guards: for every route, {@link RouteTable} (which the HTTP
 * bridge and the local JWT authorizer use) names the same authorizer and scopes as the real SAM transform writes into
 * the API's OpenAPI body: template.yaml's routes, and a fixture with every way of setting them (default authorizer,
 * authorizer scopes, a route's own authorizer or scopes, NONE, an ANY route, the implicit API).
 */
class RouteAuthorizationTest {
    @Test
    void repositoryRoutesAreGuardedLikeApiGatewayGuardsThem() {
        assertSameAuthorization(SamTemplate.load(SamTranslator.TEMPLATE),
                SamTranslator.repository(Map.of()));
    }

    @Test
    void everyWayOfSettingAnAuthorizerIsReadLikeTheTransformReadsIt() throws Exception {
        String fixture = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: { Runtime: java21, CodeUri: s3://bucket/key.zip, Handler: x.Y::handleRequest }
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: v1
                      Auth:
                        DefaultAuthorizer: Officials
                        Authorizers:
                          Officials:
                            IdentitySource: $request.header.Authorization
                            AuthorizationScopes: [read]
                            JwtConfiguration: { issuer: 'https://issuer.example', audience: [app] }
                          Partners:
                            IdentitySource: $request.header.Authorization
                            JwtConfiguration: { issuer: 'https://partners.example', audience: [app] }
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Default: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /a } }
                        Scoped: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: POST, Path: /b, Auth: { AuthorizationScopes: [write] } } }
                        Other: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /c, Auth: { Authorizer: Partners } } }
                        OtherScoped: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /d, Auth: { Authorizer: Partners, AuthorizationScopes: [s] } } }
                        Public: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: '/e/{id}', Auth: { Authorizer: NONE } } }
                        Any: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: ANY, Path: '/f/{proxy+}' } }
                        Implicit: { Type: HttpApi, Properties: { Method: GET, Path: /g } }
                """;
        Path file = Files.createTempFile("routes-", ".yaml");
        try {
            Files.writeString(file, fixture);
            assertSameAuthorization(SamTemplate.load(file), SamTranslator.translate(fixture, Map.of()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assertSameAuthorization(SamTemplate template, SamTranslator.Translated translated) {
        Map<String, String> local = new TreeMap<>();
        for (HttpRoute r : RouteTable.fromTemplate(template, v -> "stage").routes()) {
            local.put(r.routeKey(), r.functionLogicalId() + " " + r.authorizer() + " " + r.authorizationScopes());
        }
        Map<String, String> apiGateway = new TreeMap<>();
        translated.routes().forEach((key, r) -> apiGateway.put(key, r.function() + " " + r.authorizer() + " "
                + r.scopes()));
        assertEquals(apiGateway, local);
    }
}
