package id.laporwarga.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing template.yaml and resolving intrinsics, without emulators. */
class SamTemplateTest {
    private static final SamTemplate REPO = SamTemplate.load(SamTemplate.findRepositoryTemplate());

    /** Refs to resources resolve to recognisable fake ids. */
    private static Intrinsics.Context context(String stack) {
        return new Intrinsics.Context() {
            public String stackName() {
                return stack;
            }

            public String region() {
                return "ap-southeast-3";
            }

            public String accountId() {
                return "123456789012";
            }

            public String ref(String logicalId) {
                return "ref:" + logicalId;
            }

            public String attribute(String logicalId, String attribute) {
                return "att:" + logicalId + "." + attribute;
            }
        };
    }

    @Test
    void readsParametersGlobalsFunctionsAndEvents() {
        assertEquals("dev", REPO.parameterDefaults().get("Stage"));
        assertEquals(List.of("dev", "staging", "prod"), REPO.parameters().get("Stage").allowedValues());
        assertEquals("java21", REPO.functionGlobals().get("Runtime"));
        SamTemplate.Function submit = REPO.function("SubmitReportFunction");
        assertEquals("id.laporwarga.function.submitreport.SubmitReportHandler", submit.handlerClass());
        assertEquals("handleRequest", submit.handlerMethod());
        assertEquals(".", submit.codeUri());
        assertEquals(30, submit.timeoutSeconds());
        List<SamTemplate.HttpApiEvent> routes = submit.events(SamTemplate.HttpApiEvent.class);
        assertTrue(routes.stream().anyMatch(e -> e.routeKey().equals("GET /v1/reports/{trackingCode}")), routes::toString);
        assertTrue(submit.environment().containsKey("TABLE_NAME"));
    }

    @Test
    void shortFormTagsBecomeLongForm() {
        Map<String, Object> bucket = REPO.resource("PhotosBucket").properties();
        @SuppressWarnings("unchecked")
        var queueConfig = (List<Map<String, Object>>) ((Map<String, Object>) bucket.get("NotificationConfiguration"))
                .get("QueueConfigurations");
        assertEquals(Map.of("Fn::GetAtt", List.of("PhotoUploadedQueue", "Arn")), queueConfig.get(0).get("Queue"));
        assertEquals(Map.of("Fn::Sub", List.of("lapor-warga-${Stage}-photos-${StackSuffix}", Map.of("StackSuffix",
                        Map.of("Fn::Select", List.of(4, Map.of("Fn::Split", List.of("-", Map.of("Fn::Select", List.of(2,
                                Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId")))))))))))),
                bucket.get("BucketName"));
        assertEquals("2010-09-09", REPO.raw().get("AWSTemplateFormatVersion"));
    }

    /** Bucket names: lower case whatever the stack name, from the stage and the stack id, different per stack. */
    @Test
    void bucketNamesComeFromTheStageAndTheStackId() {
        Object name = REPO.resource("PhotosBucket").properties().get("BucketName");
        String one = REPO.resolver(context("Lapor-Warga-Dev")).resolveString(name);
        String other = REPO.resolver(context("lapor-warga-dev-2")).resolveString(name);
        assertTrue(one.matches("lapor-warga-dev-photos-[0-9a-f]{12}"), one);
        assertTrue(other.matches("lapor-warga-dev-photos-[0-9a-f]{12}"), other);
        assertNotEquals(one, other);
        assertEquals(one, REPO.resolver(context("Lapor-Warga-Dev")).resolveString(name));
    }

    /** The authorizer of a route: the event's, else the API's default (Globals merged under it); NONE is public. */
    @Test
    void routeAuthorizationFollowsTheDefaultAuthorizer() {
        SamTemplate t = SamTemplate.parse("""
                Globals:
                  HttpApi:
                    Auth:
                      DefaultAuthorizer: A
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          A: { AuthorizationScopes: [read] }
                          B: {}
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::h
                      Events:
                        Default: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /a } }
                        Scoped: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /b, Auth: { AuthorizationScopes: [write] } } }
                        Other: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /c, Auth: { Authorizer: B } } }
                        Public: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /d, Auth: { Authorizer: NONE } } }
                        Implicit: { Type: HttpApi, Properties: { Path: /e } }
                """);
        Map<String, SamTemplate.RouteAuth> auth = new java.util.TreeMap<>();
        t.function("F").events(SamTemplate.HttpApiEvent.class).forEach(e -> auth.put(e.name(), t.routeAuth(e)));
        assertEquals(new SamTemplate.RouteAuth("Api", "A", List.of("read")), auth.get("Default"));
        assertEquals(new SamTemplate.RouteAuth("Api", "A", List.of("write")), auth.get("Scoped"));
        assertEquals(new SamTemplate.RouteAuth("Api", "B", List.of()), auth.get("Other"));
        assertTrue(auth.get("Public").isPublic());
        // the implicit API takes Globals only: here a default authorizer that is not declared anywhere
        assertEquals(new SamTemplate.RouteAuth(SamTemplate.IMPLICIT_HTTP_API, "A", List.of()), auth.get("Implicit"));

        // the repository: citizens' routes and the API's contract are public by an explicit NONE, everything else
        // needs a token
        for (SamTemplate.Function f : REPO.functions()) {
            for (SamTemplate.HttpApiEvent e : f.events(SamTemplate.HttpApiEvent.class)) {
                boolean citizens = e.path().startsWith("/v1/reports") || e.path().startsWith("/v1/tenants")
                        || e.path().startsWith("/v1/public/") || e.path().equals("/v1/openapi.json");
                assertEquals(citizens, REPO.routeAuth(e).isPublic(), e::routeKey);
                assertEquals(citizens, "NONE".equals(e.authorizer()), e::routeKey);
            }
        }
    }

    @Test
    void resolvesEnvironmentWithGlobals() {
        Intrinsics r = REPO.resolver(context("lapor-warga-local"));
        Map<String, String> env = r.resolveEnvironment(REPO.function("SubmitReportFunction"));
        assertEquals("ref:CasesTable", env.get("TABLE_NAME"));
        assertEquals("ref:PhotosBucket", env.get("PHOTOS_BUCKET"));
        assertEquals("ref:CaseEventsTopic", env.get("CASE_EVENTS_TOPIC_ARN"));
    }

    @Test
    void intrinsics() {
        SamTemplate t = SamTemplate.parse("""
                Parameters:
                  Env: {Type: String, Default: dev}
                  Names: {Type: CommaDelimitedList, Default: 'a,b,c'}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  NotProd: !Not [!Condition IsProd]
                  Both: !And [!Condition NotProd, !Or [!Equals [x, y], !Equals [1, 1]]]
                Mappings:
                  Sizes: {dev: {mem: 512}}
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Sub ['${Name}-${AWS::Region}-${!Literal}-${Q.Arn}', {Name: !Ref Env}]
                      B: !Join [':', [!Ref Q, !GetAtt [Q, QueueName], !Select [1, !Ref Names]]]
                      C: !If [IsProd, big, !FindInMap [Sizes, !Ref Env, mem]]
                      D: !If [Both, !Ref 'AWS::NoValue', kept]
                      E: !Split ['/', 'x/y']
                      F: !Base64 hi
                      G: !Select [0, !GetAZs '']
                      H: !ImportValue other-stack-output
                """);
        Intrinsics r = t.resolver(context("s"));
        Map<String, Object> p = t.resource("Q").properties();
        assertEquals("dev-ap-southeast-3-${Literal}-att:Q.Arn", r.resolve(p.get("A")));
        assertEquals("ref:Q:att:Q.QueueName:b", r.resolve(p.get("B")));
        assertEquals("512", r.resolveString(p.get("C")));
        assertEquals(null, r.resolve(p.get("D")));
        assertEquals(List.of("x", "y"), r.resolve(p.get("E")));
        assertEquals("aGk=", r.resolve(p.get("F")));
        assertEquals("ap-southeast-3a", r.resolve(p.get("G")));
        var e = assertThrows(Intrinsics.UnsupportedIntrinsicException.class, () -> r.resolve(p.get("H")));
        assertTrue(e.getMessage().contains("Fn::ImportValue"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.resolve(Map.of("Fn::Nope", "x")));
        assertThrows(IllegalArgumentException.class, () -> r.resolve(Map.of("Ref", "Missing")));
        assertTrue(r.condition("NotProd"));
        assertTrue(r.condition("Both"));
        assertFalse(r.condition("IsProd"));
        assertThrows(IllegalArgumentException.class,
                () -> t.resolver(new Intrinsics.Context() {
                    public String stackName() {
                        return "s";
                    }

                    public String region() {
                        return "r";
                    }

                    public String accountId() {
                        return "1";
                    }

                    public Map<String, String> parameterOverrides() {
                        return Map.of("Unknown", "x");
                    }

                    public String ref(String id) {
                        return id;
                    }

                    public String attribute(String id, String a) {
                        return a;
                    }
                }));
    }

    @Test
    void dependencyOrder() {
        List<String> order = StackProvisioner.order(REPO);
        assertTrue(order.indexOf("PhotoUploadedDLQ") < order.indexOf("PhotoUploadedQueue"), order::toString);
        assertTrue(order.indexOf("PhotoUploadedQueue") < order.indexOf("PhotoUploadedQueuePolicy"), order::toString);
        assertTrue(order.indexOf("PhotoUploadedQueuePolicy") < order.indexOf("PhotosBucket"), order::toString);
        assertTrue(order.indexOf("CasesTable") < order.indexOf("SubmitReportFunction"), order::toString);
        SamTemplate cyclic = SamTemplate.parse("""
                Resources:
                  A: {Type: AWS::SQS::Queue, DependsOn: B}
                  B: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt A.QueueName}}
                """);
        var e = assertThrows(IllegalArgumentException.class, () -> StackProvisioner.order(cyclic));
        assertTrue(e.getMessage().contains("circular"), e.getMessage());
    }

    @Test
    void sampleTenantDocumentHasBoundaries() throws Exception {
        assertTrue(SampleTenants.ids().contains(SampleTenants.KOTAMOBAGU));
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SampleTenants.document("kotamobagu"));
        assertEquals("kotamobagu", doc.get("id").asText());
        assertEquals("WITA", doc.get("timeZone").asText());
        assertEquals(38, doc.get("boundaries").get("features").size());
        assertEquals("kominfo", doc.get("policies").get("triageAgencyId").asText());
        assertEquals(8, doc.get("agencies").size());
    }
}
