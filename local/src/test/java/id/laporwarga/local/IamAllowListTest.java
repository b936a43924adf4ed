package id.laporwarga.local;

import static id.laporwarga.local.SamTranslator.canonical;
import static id.laporwarga.local.SamTranslator.canonicalList;
import static id.laporwarga.local.SamTranslator.list;
import static id.laporwarga.local.SamTranslator.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.CfnYaml;
import id.laporwarga.emulators.Intrinsics;
import id.laporwarga.local.SamTranslator.Translated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege per action: every function role of the SAM-transformed template.yaml allows exactly what its entry
 * in {@code iam-allow-list.yaml} (beside this test, in test resources) lists; functions behind public routes (and the
 * admin statistics) cannot read reporter contact items ({@code CONTACT#<caseId>}). The rules are also run on a
 * deliberately bad template, so none passes vacuously.
 */
class IamAllowListTest {
    static final AllowList ALLOW_LIST = AllowList.load("iam-allow-list.yaml");
    /** Named by issue 13: besides every function behind a public route, these must not read reporter contact. */
    private static final Set<String> NO_CONTACT = Set.of("SubmitReportFunction", "PublicPerformanceFunction",
            "AdminStatsFunction", "ReporterActionsFunction");

    @Test
    void everyFunctionRoleStaysWithinItsAllowList() {
        List<String> violations = IamRules.check(SamTranslator.repository(Map.of()), ALLOW_LIST);
        assertTrue(violations.isEmpty(), () -> "template.yaml roles vs iam-allow-list.yaml:\n  "
                + String.join("\n  ", violations));
    }

    @Test
    void publicFunctionsCannotReadReporterContact() {
        Translated t = SamTranslator.repository(Map.of());
        Set<String> mustNot = new TreeSet<>(NO_CONTACT);
        t.routes().values().stream().filter(SamTranslator.Route::isPublic).forEach(r -> mustNot.add(r.function()));
        assertTrue(mustNot.containsAll(Set.of("SubmitReportFunction", "PublicPerformanceFunction",
                "ReporterActionsFunction")), mustNot::toString);
        List<String> readable = new ArrayList<>();
        for (String fn : mustNot) {
            readable.addAll(IamRules.contactReads(t, fn, ALLOW_LIST));
        }
        assertTrue(readable.isEmpty(), () -> "reporter contact readable:\n  " + String.join("\n  ", readable));
        // and the check sees a read where there is one: the officials' case view may read contact
        assertFalse(IamRules.contactReads(t, "ReviewStepFunction", ALLOW_LIST).isEmpty());
    }

    @Test
    void allowListNamesExactActions() {
        Pattern action = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
        List<String> problems = new ArrayList<>();
        ALLOW_LIST.functions().forEach((fn, entry) -> entry.allow().forEach(grant -> grant.actions().forEach(a -> {
            if (!action.matcher(a).matches()) {
                problems.add(fn + ": '" + a + "' is not one exact action");
            }
        })));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void eachRuleCatchesItsViolation() {
        Translated t = SamTranslator.translate("""
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: { Runtime: java21, CodeUri: s3://bucket/key.zip, Handler: x.Y::handleRequest }
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                  Cases:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                  Photos:
                    Type: AWS::S3::Bucket
                  Submit:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - DynamoDBCrudPolicy: { TableName: !Ref Cases }
                        - S3CrudPolicy: { BucketName: !Ref Photos }
                      Events:
                        Post: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: POST, Path: /v1/reports } }
                  Unlisted:
                    Type: AWS::Serverless::Function
                    Properties:
                      Role: !GetAtt SharedRole.Arn
                  AlsoShared:
                    Type: AWS::Serverless::Function
                    Properties:
                      Role: !GetAtt SharedRole.Arn
                  SharedRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - { Effect: Allow, Action: 'dynamodb:*', Resource: !GetAtt Cases.Arn }
                              - { Effect: Allow, NotAction: 's3:DeleteBucket', Resource: '*' }
                  MachineRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: states.amazonaws.com }, Action: sts:AssumeRole }] }
                      Policies:
                        - PolicyName: m
                          PolicyDocument:
                            Statement:
                              - { Effect: Allow, Action: [s3:GetObject, s3:DeleteObject], Resource: !Sub '${Photos.Arn}/*' }
                  UnlistedRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: states.amazonaws.com }, Action: sts:AssumeRole }] }
                      Policies:
                        - PolicyName: u
                          PolicyDocument:
                            Statement:
                              - { Effect: Allow, Action: athena:StartQueryExecution, Resource: '*' }
                """, Map.of());
        AllowList list = AllowList.parse("""
                functions:
                  Submit:
                    readsReporterContact: true
                    allow:
                      - actions: [dynamodb:GetItem, dynamodb:PutItem]
                        resources: ['${Cases.Arn}']
                  AlsoShared:
                    allow: []
                  Gone:
                    allow: []
                roles:
                  MachineRole:
                    allow:
                      - actions: [s3:GetObject]
                        resources: ['${Photos.Arn}/*']
                  GoneRole:
                    allow: []
                awsManagedPolicies:
                  AWSLambdaBasicExecutionRole:
                    - actions: [logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents]
                      resources: ['*']
                """);
        List<String> violations = IamRules.check(t, list);
        List<String> contact = IamRules.contactReads(t, "Submit", list);
        // SAM's policy templates name the table by its name, not by !GetAtt Cases.Arn
        String table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Cases}";
        List<String> expectedStarts = List.of(
                "Submit: allows logs:CreateLogGroup on *",
                "Submit: allows dynamodb:Scan on " + table,
                "Submit: allows dynamodb:DeleteItem on " + table,
                "Submit: allows dynamodb:BatchWriteItem on " + table,
                "Submit: allows s3:PutObjectAcl on arn:${AWS::Partition}:s3:::${Photos}/*",
                "Submit: allows s3:PutLifecycleConfiguration on arn:${AWS::Partition}:s3:::${Photos}",
                "Submit: serves the public route POST /v1/reports but is listed with readsReporterContact: true",
                "Unlisted: no entry in the allow-list",
                "AlsoShared: shares role SharedRole with Unlisted",
                "AlsoShared: allows dynamodb:* on ${Cases.Arn} (a wildcard)",
                "AlsoShared: NotAction in an Allow statement",
                "Gone: listed, but the template has no such function",
                "MachineRole: allows s3:DeleteObject on ${Photos.Arn}/*, which its allow-list entry under roles does not list",
                "UnlistedRole: a role no function uses allows [athena:StartQueryExecution]",
                "GoneRole: listed under roles, but the template has no such role");
        RuleAssertions.assertIncludes(expectedStarts, violations);
        assertTrue(contact.stream().anyMatch(c -> c.startsWith("Submit: dynamodb:Scan")), contact::toString);
        assertTrue(contact.stream().anyMatch(c -> c.startsWith("Submit: dynamodb:GetItem")), contact::toString);
    }

    /**
     * The allow-list: per function, its grants and whether it may read reporter contact; per role that no function
     * uses (a state machine's, the one SAM makes for its event), its grants; AWS managed policies.
     */
    record AllowList(Map<String, Entry> functions, Map<String, List<Grant>> roles,
                     Map<String, List<Grant>> awsManagedPolicies) {
        AllowList(Map<String, Entry> functions, Map<String, List<Grant>> awsManagedPolicies) {
            this(functions, Map.of(), awsManagedPolicies);
        }

        record Entry(boolean readsReporterContact, List<Grant> allow) {
        }

        /** These actions on these resources, under this condition if one is given (canonical form). */
        record Grant(List<String> actions, List<String> resources, Object condition) {
            boolean covers(String action, String resource, Object statementCondition) {
                return actions.contains(action) && resources.contains(resource)
                        && (condition == null || condition.equals(statementCondition));
            }
        }

        static AllowList load(String resource) {
            try (InputStream in = IamAllowListTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the test classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static AllowList parse(String yaml) {
            Map<String, Object> root = CfnYaml.parse(yaml);
            Map<String, Entry> functions = new LinkedHashMap<>();
            map(root.get("functions")).forEach((fn, e) -> functions.put(fn, new Entry(
                    Boolean.TRUE.equals(map(e).get("readsReporterContact")), grants(map(e).get("allow")))));
            Map<String, List<Grant>> roles = new LinkedHashMap<>();
            map(root.get("roles")).forEach((role, e) -> roles.put(role, grants(map(e).get("allow"))));
            Map<String, List<Grant>> managed = new LinkedHashMap<>();
            map(root.get("awsManagedPolicies")).forEach((name, g) -> managed.put(name, grants(g)));
            return new AllowList(functions, roles, managed);
        }

        private static List<Grant> grants(Object value) {
            List<Grant> out = new ArrayList<>();
            for (Object g : list(value)) {
                Map<String, Object> m = map(g);
                out.add(new Grant(canonicalList(m.get("actions")), canonicalList(m.get("resources")),
                        m.get("condition") == null ? null : canonical(m.get("condition"))));
            }
            return out;
        }
    }

    /** The rules, as plain functions of a translated template and an allow-list; violations start with a logical id. */
    static final class IamRules {
        /** Reads that take a partition key, so a dynamodb:LeadingKeys condition can stop them. */
        private static final List<String> KEYED_READS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
                "dynamodb:Query", "dynamodb:ConditionCheckItem");
        /** Reads without a partition key: a function that must not read contact must not be allowed them at all. */
        private static final List<String> UNKEYED_READS = List.of("dynamodb:Scan", "dynamodb:PartiQLSelect");

        private IamRules() {
        }

        /** One IAM statement in canonical form; {@code source} says where it comes from. */
        record Statement(String effect, List<String> actions, List<String> resources, List<Object> rawResources,
                         Object condition, boolean notAction, boolean notResource, String source) {
        }

        static List<String> check(Translated t, AllowList allowList) {
            List<String> out = new ArrayList<>();
            Map<String, String> roleOwners = new LinkedHashMap<>();
            Map<String, SamTranslator.Route> routes = t.routes();
            for (var fn : t.ofType("AWS::Lambda::Function").entrySet()) {
                String id = fn.getKey();
                String role = roleOf(fn.getValue());
                if (role == null) {
                    out.add(id + ": its Role is not a role of the template (" + canonical(fn.getValue().get("Role")) + ")");
                    continue;
                }
                String owner = roleOwners.putIfAbsent(role, id);
                if (owner != null) {
                    out.add(owner + ": shares role " + role + " with " + id + " (one role per function)");
                }
                AllowList.Entry entry = allowList.functions().get(id);
                if (entry == null) {
                    out.add(id + ": no entry in the allow-list (list what its code calls)");
                    continue;
                }
                routes.forEach((route, r) -> {
                    if (id.equals(r.function()) && r.isPublic() && entry.readsReporterContact()) {
                        out.add(id + ": serves the public route " + route
                                + " but is listed with readsReporterContact: true");
                    }
                });
                for (Statement s : statements(t, role, allowList, out)) {
                    if (!"Allow".equals(s.effect())) {
                        continue;
                    }
                    if (s.notAction() || s.notResource()) {
                        out.add(id + ": " + (s.notAction() ? "NotAction" : "NotResource") + " in an Allow statement ("
                                + s.source() + ")");
                        continue;
                    }
                    for (String action : s.actions()) {
                        for (String resource : s.resources()) {
                            boolean listed = entry.allow().stream().anyMatch(g -> g.covers(action, resource, s.condition()));
                            if (!listed) {
                                out.add(id + ": allows " + action + " on " + resource
                                        + (action.contains("*") ? " (a wildcard)" : "")
                                        + (s.condition() == null ? "" : " if " + s.condition())
                                        + ", which its allow-list entry does not list (" + s.source() + ")");
                            }
                        }
                    }
                }
            }
            for (String fn : allowList.functions().keySet()) {
                if (!t.ofType("AWS::Lambda::Function").containsKey(fn)) {
                    out.add(fn + ": listed, but the template has no such function");
                }
            }
            otherRoles(t, roleOwners.keySet(), allowList, out);
            return out;
        }

        /**
         * Why a function could read reporter contact items: each key-taking read it is allowed on a table (or one of
         * its indexes) without a Deny of it on leading keys CONTACT#..., and each Scan/PartiQL select it is allowed
         * there and not denied outright. Resources are resolved to ARNs first, so policy templates and wildcards
         * count like hand-written statements.
         */
        static List<String> contactReads(Translated t, String function, AllowList allowList) {
            List<String> out = new ArrayList<>();
            String role = roleOf(t.ofType("AWS::Lambda::Function").get(function));
            List<Statement> statements = statements(t, role, allowList, new ArrayList<>());
            Intrinsics resolver = t.template().resolver(FAKE_ACCOUNT);
            for (String table : t.ofType("AWS::DynamoDB::Table").keySet()) {
                String arn = FAKE_ACCOUNT.attribute(table, "Arn");
                for (String target : List.of(arn, arn + "/index/AnyIndex")) {
                    for (String action : concat(KEYED_READS, UNKEYED_READS)) {
                        boolean keyed = KEYED_READS.contains(action);
                        boolean allowed = statements.stream().anyMatch(st -> "Allow".equals(st.effect())
                                && applies(st, action, target, resolver));
                        boolean denied = statements.stream().anyMatch(st -> "Deny".equals(st.effect())
                                && applies(st, action, target, resolver)
                                && (keyed ? deniesContactKeys(st.condition()) : st.condition() == null));
                        if (allowed && !denied) {
                            out.add(function + ": " + action + " on " + table + (target.equals(arn) ? "" : " indexes")
                                    + (keyed ? " without a Deny on dynamodb:LeadingKeys CONTACT#*"
                                    : " (no partition key: a LeadingKeys condition cannot stop it)"));
                        }
                    }
                }
            }
            return out;
        }

        /** Whether a statement names the action and a resource pattern matching the target ARN. */
        private static boolean applies(Statement s, String action, String target, Intrinsics resolver) {
            if (s.notAction() || s.notResource()) {
                return true;   // too broad to reason about: assume it applies
            }
            return matchesAny(s.actions(), action) && s.rawResources().stream()
                    .anyMatch(r -> glob(resolver.resolveString(r)).matcher(target).matches());
        }

        /** Resolves resource expressions to ARNs of made-up physical names (each resource's own). */
        private static final Intrinsics.Context FAKE_ACCOUNT = new SamTranslator.Account("stack", Map.of(),
                id -> "stack-" + id, (id, attribute) -> "arn:aws:dynamodb:ap-southeast-3:123456789012:table/stack-" + id
                + ("Arn".equals(attribute) ? "" : "/" + attribute));

        private static boolean deniesContactKeys(Object condition) {
            Map<String, Object> c = map(condition);
            if (c.size() != 1 || !c.containsKey("ForAnyValue:StringLike")) {
                return false;
            }
            Map<String, Object> keys = map(c.get("ForAnyValue:StringLike"));
            return keys.size() == 1 && list(keys.get("dynamodb:LeadingKeys")).stream()
                    .anyMatch(p -> glob(String.valueOf(p)).matcher("CONTACT#0b9c6f1e-5a42-4c43").matches());
        }

        private static boolean matchesAny(List<String> patterns, String action) {
            return patterns.stream().anyMatch(p -> glob(p.toLowerCase()).matcher(action.toLowerCase()).matches());
        }

        private static Pattern glob(String pattern) {
            StringBuilder sb = new StringBuilder();
            for (char ch : pattern.toCharArray()) {
                sb.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
            }
            return Pattern.compile(sb.toString());
        }

        /** The logical id of the role a function's {@code Role: !GetAtt X.Arn} names, if it is one of the template's. */
        private static String roleOf(Map<String, Object> function) {
            String role = String.valueOf(canonical(function.get("Role")));
            if (role.startsWith("${") && role.endsWith(".Arn}")) {
                return role.substring(2, role.length() - 5);
            }
            return null;
        }

        /** Inline policies, attached policies of the template and AWS managed policies (from the allow-list). */
        static List<Statement> statements(Translated t, String role, AllowList allowList, List<String> out) {
            List<Statement> all = new ArrayList<>();
            Map<String, Object> p = t.ofType("AWS::IAM::Role").getOrDefault(role, Map.of());
            for (Object policy : list(p.get("Policies"))) {
                addDocument(all, map(policy).get("PolicyDocument"), role + "/" + map(policy).get("PolicyName"));
            }
            Map<String, Map<String, Object>> managed = t.ofType("AWS::IAM::ManagedPolicy");
            for (Object arn : list(p.get("ManagedPolicyArns"))) {
                String text = String.valueOf(canonical(arn));
                String id = text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1) : null;
                if (id != null && managed.containsKey(id)) {
                    addDocument(all, managed.get(id).get("PolicyDocument"), id);
                } else if (text.contains(":iam::aws:policy/")) {
                    String name = text.substring(text.lastIndexOf('/') + 1);
                    List<AllowList.Grant> grants = allowList.awsManagedPolicies().get(name);
                    if (grants == null) {
                        out.add(role + ": attaches the AWS managed policy " + name
                                + ", whose statements the allow-list does not give (awsManagedPolicies)");
                        continue;
                    }
                    grants.forEach(g -> all.add(new Statement("Allow", g.actions(), g.resources(),
                            new ArrayList<>(g.resources()), g.condition(), false, false, name)));
                } else {
                    out.add(role + ": attaches " + text + ", which cannot be checked");
                }
            }
            t.ofType("AWS::IAM::Policy").forEach((id, policy) -> {
                if (canonicalList(policy.get("Roles")).contains("${" + role + "}")) {
                    addDocument(all, policy.get("PolicyDocument"), id);
                }
            });
            managed.forEach((id, policy) -> {
                if (canonicalList(policy.get("Roles")).contains("${" + role + "}")) {
                    addDocument(all, policy.get("PolicyDocument"), id);
                }
            });
            return all;
        }

        private static void addDocument(List<Statement> out, Object document, String source) {
            for (Object s : list(map(document).get("Statement"))) {
                Map<String, Object> m = map(s);
                boolean notAction = m.containsKey("NotAction");
                boolean notResource = m.containsKey("NotResource");
                Object resources = notResource ? m.get("NotResource") : m.get("Resource");
                out.add(new Statement(String.valueOf(m.get("Effect")),
                        canonicalList(notAction ? m.get("NotAction") : m.get("Action")),
                        canonicalList(resources), list(resources),
                        m.get("Condition") == null ? null : canonical(m.get("Condition")), notAction, notResource,
                        source + (m.get("Sid") == null ? "" : "#" + m.get("Sid"))));
            }
        }

        /**
         * Roles no function uses: the ones SAM makes for schedules, which only invoke a function of the template, and
         * the roles listed under {@code roles:} (state machines and their events), which stay within their grants.
         */
        private static void otherRoles(Translated t, Set<String> functionRoles, AllowList allowList, List<String> out) {
            Set<String> functions = new LinkedHashSet<>(t.ofType("AWS::Lambda::Function").keySet());
            t.ofType("AWS::IAM::Role").forEach((role, p) -> {
                if (functionRoles.contains(role)) {
                    return;
                }
                List<AllowList.Grant> grants = allowList.roles().get(role);
                for (Statement s : statements(t, role, new AllowList(Map.of(), Map.of()), out)) {
                    if (grants != null) {
                        if (!"Allow".equals(s.effect())) {
                            continue;
                        }
                        if (s.notAction() || s.notResource()) {
                            out.add(role + ": NotAction/NotResource in an Allow statement (" + s.source() + ")");
                            continue;
                        }
                        for (String action : s.actions()) {
                            for (String resource : s.resources()) {
                                if (grants.stream().noneMatch(g -> g.covers(action, resource, s.condition()))) {
                                    out.add(role + ": allows " + action + " on " + resource
                                            + (s.condition() == null ? "" : " if " + s.condition())
                                            + ", which its allow-list entry under roles does not list (" + s.source() + ")");
                                }
                            }
                        }
                        continue;
                    }
                    boolean invokeOnly = "Allow".equals(s.effect()) && !s.notAction() && !s.notResource()
                            && s.actions().equals(List.of("lambda:InvokeFunction"))
                            && s.resources().stream().allMatch(r -> functions.contains(t.functionOf(r)));
                    if (!invokeOnly) {
                        out.add(role + ": a role no function uses allows " + s.actions() + " on " + s.resources());
                    }
                }
            });
            for (String role : allowList.roles().keySet()) {
                if (!t.ofType("AWS::IAM::Role").containsKey(role)) {
                    out.add(role + ": listed under roles, but the template has no such role");
                }
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    @Test
    void canonicalFormMatchesTheTemplateNotation() {
        assertEquals("${CasesTable.Arn}/index/ByArea", canonical(Map.of("Fn::Sub", "${CasesTable.Arn}/index/ByArea")));
        assertEquals("${PhotosBucket.Arn}", canonical(Map.of("Fn::GetAtt", List.of("PhotosBucket", "Arn"))));
        assertEquals("${Topic}:*", canonical(Map.of("Fn::Join", List.of(":", List.of(Map.of("Ref", "Topic"), "*")))));
        assertEquals("a-${X}", canonical(Map.of("Fn::Sub", List.of("a-${V}", Map.of("V", Map.of("Ref", "X"))))));
    }
}
