package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import id.laporwarga.emulators.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security review of template.yaml as a test (see docs/security.md): no wildcard or AWS managed IAM grants (the exact
 * actions per function are IamAllowListTest's), private encrypted TLS-only buckets, encrypted queues/topics/table,
 * retained and deletion-protected data, a throttled HTTP API with limited CORS and a default authorizer, a log group
 * with retention for every function, the Cognito authorizer on every officials' route; plus validation against the
 * SAM JSON schema. The rules are also run against a deliberately bad template, so each of them is shown to fail when
 * it should.
 */
class TemplateSecurityTest {
    private static final Path TEMPLATE_FILE = SamTemplate.findRepositoryTemplate();

    @Test
    void repositoryTemplatePassesTheSecurityRules() {
        List<String> violations = TemplateSecurityRules.check(SamTemplate.load(TEMPLATE_FILE));
        assertTrue(violations.isEmpty(), () -> "template.yaml security review:\n  " + String.join("\n  ", violations));
    }

    @Test
    void eachRuleCatchesItsViolation() {
        SamTemplate bad = SamTemplate.parse("""
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  AnyOrigin: { Type: String, Default: '*' }
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      CorsConfiguration:
                        AllowOrigins: [!Ref AnyOrigin]
                  Admin:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Policies:
                        - AdministratorAccess
                        - DynamoDBCrudPolicy: { TableName: '*' }
                        - Statement:
                            - Effect: Allow
                              Action: '*'
                              Resource: '*'
                            - Effect: Allow
                              Action: [s3:*]
                              Resource: ['*']
                      Events:
                        Stats:
                          Type: HttpApi
                          Properties: { ApiId: !Ref Api, Method: GET, Path: /v1/admin/stats }
                  Forbidden:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess']
                  Open:
                    Type: AWS::S3::Bucket
                    Properties:
                      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false }
                      CorsConfiguration:
                        CorsRules: [{ AllowedMethods: [GET], AllowedOrigins: ['*'] }]
                  OpenPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref Open
                      PolicyDocument:
                        Statement:
                          - { Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: '*' }
                  Plain:
                    Type: AWS::SQS::Queue
                  Loud:
                    Type: AWS::SNS::Topic
                  Cases:
                    Type: AWS::DynamoDB::Table
                  Forever:
                    Type: AWS::Logs::LogGroup
                    Properties: { LogGroupName: /aws/lambda/other }
                  Headers:
                    Type: AWS::CloudFront::ResponseHeadersPolicy
                    Properties:
                      ResponseHeadersPolicyConfig:
                        Name: weak
                        SecurityHeadersConfig:
                          ContentSecurityPolicy: { Override: true, ContentSecurityPolicy: "default-src *" }
                  Cdn:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        Origins:
                          - { Id: App, DomainName: x.s3.amazonaws.com, S3OriginConfig: { OriginAccessIdentity: '' } }
                        DefaultCacheBehavior: { TargetOriginId: App, ViewerProtocolPolicy: allow-all }
                        CacheBehaviors:
                          - { PathPattern: /v1/*, TargetOriginId: App, ViewerProtocolPolicy: https-only,
                              ResponseHeadersPolicyId: !Ref Headers }
                """);
        List<String> violations = TemplateSecurityRules.check(bad);
        List<String> expected = List.of(
                "Admin: managed policy AdministratorAccess",
                "Admin: policy template DynamoDBCrudPolicy on '*'",
                "Admin: Allow [*] on [*]",
                "Admin: Allow [s3:*] on [*]",
                "Admin: no log group with RetentionInDays",
                "Admin: route GET /v1/admin/stats has no authorizer",
                "Api: no throttling (DefaultRouteSettings.ThrottlingBurstLimit/ThrottlingRateLimit)",
                "Api: no Auth.DefaultAuthorizer",
                "Api: CORS allows any origin",
                "Forbidden: managed policy AmazonS3FullAccess",
                "Open: PublicAccessBlockConfiguration",
                "Open: data not retained",
                "Open: no default encryption",
                "Open: CORS allows any origin",
                "Open: no bucket policy denying aws:SecureTransport false",
                "OpenPolicy: Allow to Principal '*'",
                "Plain: queue not encrypted",
                "Loud: topic not encrypted",
                "Cases: data not retained",
                "Cases: no DeletionProtectionEnabled",
                "Cases: table not encrypted",
                "Forever: log group without RetentionInDays",
                "Headers: no HSTS (StrictTransportSecurity)",
                "Headers: CSP without frame-ancestors 'none'",
                "Headers: no nosniff (ContentTypeOptions)",
                "Cdn: DefaultCacheBehavior allows plain HTTP",
                "Cdn: DefaultCacheBehavior without a response headers policy",
                "Cdn: S3 origin App without origin access control");
        RuleAssertions.assertExactly(expected, violations);
    }

    @Test
    void templateMatchesTheSamJsonSchema() throws Exception {
        Path schemaFile = TEMPLATE_FILE.getParent().resolve("sample-data/schemas/sam.schema.json").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(schemaFile),
                "SAM schema check skipped: " + schemaFile + " is absent (copy of aws-sam-translator's schema_source/"
                        + "sam.schema.json, see sample-data/schemas/PROVENANCE.md)");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(schemaFile), InputFormat.JSON);
        String templateJson = JsonMapper.builder().build().writeValueAsString(SamTemplate.load(TEMPLATE_FILE).raw());
        List<Error> errors = schema.validate(templateJson, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> "template.yaml against the SAM schema:\n  "
                + String.join("\n  ", errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList()));

        // and the schema is not vacuous: a misspelt SAM property is rejected
        String misspelt = templateJson.replaceFirst("\"Handler\"", "\"Handlr\"");
        assertTrue(!schema.validate(misspelt, InputFormat.JSON).isEmpty(), "schema accepted a misspelt Handler");
    }

    /** The rules, as plain functions of a parsed template; each violation starts with the offending logical id. */
    static final class TemplateSecurityRules {
        /** Officials' routes: must carry an authorizer. Everything else on the API is public by design. */
        private static final List<String> OFFICIAL_PREFIXES = List.of("/v1/admin", "/v1/inbox", "/v1/cases");
        private static final Set<String> ALLOWED_MANAGED_POLICIES = Set.of("AWSXrayWriteOnlyAccess");

        private TemplateSecurityRules() {
        }

        static List<String> check(SamTemplate t) {
            List<String> out = new ArrayList<>();
            Map<String, String> params = t.parameterDefaults();
            for (SamTemplate.Function f : t.functions()) {
                functionPolicies(f, out);
                functionLogGroup(t, f, out);
                for (SamTemplate.HttpApiEvent e : f.events(SamTemplate.HttpApiEvent.class)) {
                    boolean official = OFFICIAL_PREFIXES.stream().anyMatch(p -> e.path().startsWith(p));
                    if (official && t.routeAuth(e).isPublic()) {
                        out.add(f.logicalId() + ": route " + e.routeKey() + " has no authorizer");
                    }
                }
            }
            for (SamTemplate.Resource r : t.resources().values()) {
                Map<String, Object> p = r.properties();
                retained(t, r, out);
                switch (r.type()) {
                    case SamTemplate.HTTP_API -> {
                        Map<String, Object> route = map(p.get("DefaultRouteSettings"));
                        if (!positive(route.get("ThrottlingBurstLimit"), params)
                                || !positive(route.get("ThrottlingRateLimit"), params)) {
                            out.add(r.logicalId()
                                    + ": no throttling (DefaultRouteSettings.ThrottlingBurstLimit/ThrottlingRateLimit)");
                        }
                        if (map(p.get("Auth")).get("DefaultAuthorizer") == null) {
                            out.add(r.logicalId() + ": no Auth.DefaultAuthorizer (a new route would be public)");
                        }
                        Object cors = p.get("CorsConfiguration");
                        if (cors != null && (anyOrigin(cors, params)
                                || anyOrigin(map(cors).get("AllowOrigins"), params))) {
                            out.add(r.logicalId() + ": CORS allows any origin");
                        }
                    }
                    case "AWS::S3::Bucket" -> {
                        bucket(r, params, out);
                        if (!tlsOnly(t, r.logicalId())) {
                            out.add(r.logicalId() + ": no bucket policy denying aws:SecureTransport false");
                        }
                    }
                    case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" -> {
                        for (Map<String, Object> s : statements(map(p.get("PolicyDocument")).get("Statement"))) {
                            Object principal = s.get("Principal");
                            boolean everyone = "*".equals(principal) || "*".equals(map(principal).get("AWS"));
                            if ("Allow".equals(s.get("Effect")) && everyone) {
                                out.add(r.logicalId() + ": Allow to Principal '*'");
                            }
                        }
                    }
                    case "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                        List<Object> docs = new ArrayList<>();
                        docs.add(p.get("PolicyDocument"));
                        list(p.get("Policies")).forEach(x -> docs.add(map(x).get("PolicyDocument")));
                        for (Object d : docs) {
                            wildcardStatements(r.logicalId(), map(d).get("Statement"), out);
                        }
                        for (Object arn : list(p.get("ManagedPolicyArns"))) {
                            String text = subText(arn);
                            if (text != null && text.contains(":iam::aws:policy/")
                                    && !ALLOWED_MANAGED_POLICIES.contains(text.substring(text.lastIndexOf('/') + 1))) {
                                out.add(r.logicalId() + ": managed policy " + text.substring(text.lastIndexOf('/') + 1));
                            }
                        }
                    }
                    case "AWS::SQS::Queue" -> {
                        if (!Boolean.TRUE.equals(p.get("SqsManagedSseEnabled")) && p.get("KmsMasterKeyId") == null) {
                            out.add(r.logicalId() + ": queue not encrypted");
                        }
                    }
                    case "AWS::SNS::Topic" -> {
                        if (p.get("KmsMasterKeyId") == null) {
                            out.add(r.logicalId() + ": topic not encrypted");
                        }
                    }
                    case "AWS::DynamoDB::Table" -> {
                        if (!Boolean.TRUE.equals(map(p.get("SSESpecification")).get("SSEEnabled"))) {
                            out.add(r.logicalId() + ": table not encrypted");
                        }
                    }
                    case "AWS::CloudFront::Distribution" -> distribution(r, out);
                    case "AWS::CloudFront::ResponseHeadersPolicy" -> {
                        Map<String, Object> headers = map(map(p.get("ResponseHeadersPolicyConfig"))
                                .get("SecurityHeadersConfig"));
                        if (headers.get("StrictTransportSecurity") == null) {
                            out.add(r.logicalId() + ": no HSTS (StrictTransportSecurity)");
                        }
                        Object csp = map(headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy");
                        String cspText = csp instanceof String text ? text
                                : list(map(csp).get("Fn::Sub")).stream().findFirst().map(String::valueOf)
                                .orElse(String.valueOf(subText(csp)));
                        if (!cspText.contains("frame-ancestors 'none'")) {
                            out.add(r.logicalId() + ": CSP without frame-ancestors 'none'");
                        }
                        if (headers.get("ContentTypeOptions") == null) {
                            out.add(r.logicalId() + ": no nosniff (ContentTypeOptions)");
                        }
                    }
                    case "AWS::Logs::LogGroup" -> {
                        if (p.get("RetentionInDays") == null) {
                            out.add(r.logicalId() + ": log group without RetentionInDays");
                        }
                    }
                    default -> {
                    }
                }
            }
            return out;
        }

        /**
         * A CloudFront distribution: every behaviour HTTPS only (or redirecting to it) with a response headers policy,
         * and every S3 origin read through origin access control (the bucket stays private).
         */
        private static void distribution(SamTemplate.Resource r, List<String> out) {
            Map<String, Object> config = map(r.properties().get("DistributionConfig"));
            Map<String, Map<String, Object>> behaviours = new java.util.LinkedHashMap<>();
            behaviours.put("DefaultCacheBehavior", map(config.get("DefaultCacheBehavior")));
            list(config.get("CacheBehaviors")).forEach(b -> behaviours.put("behaviour " + map(b).get("PathPattern"),
                    map(b)));
            behaviours.forEach((name, b) -> {
                if (!List.of("https-only", "redirect-to-https").contains(String.valueOf(b.get("ViewerProtocolPolicy")))) {
                    out.add(r.logicalId() + ": " + name + " allows plain HTTP");
                }
                if (b.get("ResponseHeadersPolicyId") == null) {
                    out.add(r.logicalId() + ": " + name + " without a response headers policy");
                }
            });
            for (Object o : list(config.get("Origins"))) {
                Map<String, Object> origin = map(o);
                if (origin.get("S3OriginConfig") != null && origin.get("OriginAccessControlId") == null) {
                    out.add(r.logicalId() + ": S3 origin " + origin.get("Id") + " without origin access control");
                }
            }
        }

        private static void functionPolicies(SamTemplate.Function f, List<String> out) {
            Object policies = f.resource().properties().get("Policies");
            List<Object> entries = policies instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            if (policies instanceof String || policies instanceof Map) {
                entries.add(policies);
            }
            for (Object entry : entries) {
                if (entry instanceof String managed) {
                    if (!ALLOWED_MANAGED_POLICIES.contains(managed)) {
                        out.add(f.logicalId() + ": managed policy " + managed);
                    }
                    continue;
                }
                Map<String, Object> m = map(entry);
                if (m.containsKey("Statement")) {
                    wildcardStatements(f.logicalId(), m.get("Statement"), out);
                    continue;
                }
                m.forEach((template, args) -> map(args).forEach((name, value) -> {
                    if ("*".equals(value)) {
                        out.add(f.logicalId() + ": policy template " + template + " on '*' (" + name + ")");
                    }
                }));
            }
        }

        private static void wildcardStatements(String id, Object statements, List<String> out) {
            for (Map<String, Object> s : statements(statements)) {
                if (!"Allow".equals(s.get("Effect"))) {
                    continue;
                }
                List<String> actions = strings(s.get("Action"));
                List<String> resources = strings(s.get("Resource"));
                boolean wildAction = actions.stream().anyMatch(a -> a.equals("*") || a.endsWith(":*"));
                boolean wildResource = resources.contains("*");
                if (wildAction && wildResource) {
                    out.add(id + ": Allow " + actions + " on " + resources);
                }
            }
        }

        private static void functionLogGroup(SamTemplate t, SamTemplate.Function f, List<String> out) {
            Object ref = map(map(f.resource().properties().get("LoggingConfig")).get("LogGroup")).get("Ref");
            if (ref instanceof String id && t.resources().containsKey(id)
                    && "AWS::Logs::LogGroup".equals(t.resource(id).type())
                    && t.resource(id).properties().get("RetentionInDays") != null) {
                return;
            }
            // or the default group /aws/lambda/<FunctionName> declared with the same expression
            String name = subText(f.resource().properties().get("FunctionName"));
            if (name != null) {
                for (SamTemplate.Resource g : t.resourcesOfType("AWS::Logs::LogGroup")) {
                    if (("/aws/lambda/" + name).equals(subText(g.properties().get("LogGroupName")))
                            && g.properties().get("RetentionInDays") != null) {
                        return;
                    }
                }
            }
            out.add(f.logicalId() + ": no log group with RetentionInDays (LoggingConfig.LogGroup: !Ref <AWS::Logs::LogGroup>)");
        }

        private static void bucket(SamTemplate.Resource r, Map<String, String> params, List<String> out) {
            Map<String, Object> p = r.properties();
            Map<String, Object> block = map(p.get("PublicAccessBlockConfiguration"));
            for (String k : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                if (!Boolean.TRUE.equals(block.get(k))) {
                    out.add(r.logicalId() + ": PublicAccessBlockConfiguration." + k + " is not true");
                    break;
                }
            }
            Object acl = p.get("AccessControl");
            if (acl != null && !"Private".equals(acl)) {
                out.add(r.logicalId() + ": AccessControl " + acl);
            }
            boolean encrypted = list(map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).stream()
                    .map(c -> map(map(c).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                    .anyMatch(a -> a != null);
            if (!encrypted) {
                out.add(r.logicalId() + ": no default encryption (BucketEncryption)");
            }
            for (Object rule : list(map(p.get("CorsConfiguration")).get("CorsRules"))) {
                if (anyOrigin(map(rule).get("AllowedOrigins"), params)) {
                    out.add(r.logicalId() + ": CORS allows any origin");
                }
            }
        }

        /**
         * The Pemda's data (table, buckets, officials' user pool) survives the stack's deletion and any replacement,
         * and the table and user pool refuse a direct delete.
         */
        private static void retained(SamTemplate t, SamTemplate.Resource r, List<String> out) {
            if (!List.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Cognito::UserPool").contains(r.type())) {
                return;
            }
            Map<String, Object> raw = map(map(t.raw().get("Resources")).get(r.logicalId()));
            if (!"Retain".equals(raw.get("DeletionPolicy")) || !"Retain".equals(raw.get("UpdateReplacePolicy"))) {
                out.add(r.logicalId() + ": data not retained (DeletionPolicy and UpdateReplacePolicy: Retain)");
            }
            if (r.type().equals("AWS::DynamoDB::Table") && !Boolean.TRUE.equals(r.properties().get("DeletionProtectionEnabled"))) {
                out.add(r.logicalId() + ": no DeletionProtectionEnabled");
            }
            if (r.type().equals("AWS::Cognito::UserPool") && !"ACTIVE".equals(r.properties().get("DeletionProtection"))) {
                out.add(r.logicalId() + ": no DeletionProtection: ACTIVE");
            }
        }

        /** A bucket policy on the bucket that denies every S3 action to everyone over plain HTTP. */
        private static boolean tlsOnly(SamTemplate t, String bucket) {
            for (SamTemplate.Resource policy : t.resourcesOfType("AWS::S3::BucketPolicy")) {
                if (!bucket.equals(map(policy.properties().get("Bucket")).get("Ref"))) {
                    continue;
                }
                for (Map<String, Object> s : statements(map(policy.properties().get("PolicyDocument")).get("Statement"))) {
                    Object secure = map(map(s.get("Condition")).get("Bool")).get("aws:SecureTransport");
                    if ("Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal"))
                            && strings(s.get("Action")).contains("s3:*") && "false".equals(String.valueOf(secure))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A plain string or the template string of an {@code Fn::Sub}, else null. */
        private static String subText(Object value) {
            return value instanceof String s ? s : map(value).get("Fn::Sub") instanceof String s ? s : null;
        }

        /** "*" literally, in a list, or as the default of a referenced parameter. */
        private static boolean anyOrigin(Object value, Map<String, String> params) {
            if (value instanceof String s) {
                return s.equals("*") || s.equals("'*'");
            }
            if (value instanceof List<?> l) {
                return l.stream().anyMatch(v -> anyOrigin(v, params));
            }
            Object ref = map(value).get("Ref");
            return ref instanceof String name && anyOrigin(params.get(name), params);
        }

        private static boolean positive(Object value, Map<String, String> params) {
            Object v = map(value).get("Ref") instanceof String name ? params.get(name) : value;
            try {
                return v != null && Double.parseDouble(String.valueOf(v)) > 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static List<Map<String, Object>> statements(Object value) {
            List<Map<String, Object>> out = new ArrayList<>();
            if (value instanceof Map<?, ?>) {
                out.add(map(value));
            }
            list(value).forEach(s -> out.add(map(s)));
            return out;
        }

        private static List<String> strings(Object value) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(value));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Object value) {
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        private static List<Object> list(Object value) {
            return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
        }
    }
}
