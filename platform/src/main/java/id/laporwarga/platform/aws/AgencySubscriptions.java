package id.laporwarga.platform.aws;

import id.laporwarga.domain.routing.AgencyFilterPolicy;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.NotificationChannel;
import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * Keeps the agency-alerts topic's subscriptions equal to the tenant document: one subscription per channel endpoint
 * (EMAIL, SQS, HTTPS) with the filter policy {@code {"tenant":[t],"agencyId":[..]}}. Idempotent: running it twice
 * changes nothing the second time.
 *
 * <p>A subscription belongs to a tenant when its filter policy names that tenant; only those are ever changed or
 * removed, so tenants never touch each other's subscriptions. SNS allows one subscription per topic, protocol and
 * endpoint: agencies of one tenant sharing an endpoint share one subscription listing all their ids. E-mail and HTTPS
 * subscriptions stay "PendingConfirmation" until the recipient confirms; SNS shows no attributes for them, so they are
 * re-subscribed with the wanted policy (SNS resends the confirmation) and cannot be removed (SNS drops unconfirmed
 * subscriptions by itself after a few days).
 */
@Singleton
@Requires(classes = SnsClient.class)
public class AgencySubscriptions implements AlertSubscriptions {
    private static final JsonLog LOG = JsonLog.get(AgencySubscriptions.class);
    static final String PENDING = "PendingConfirmation";

    private final SnsClient sns;
    private final Json json;
    private final String topicArn;

    public AgencySubscriptions(SnsClient sns, Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.json = json;
        this.topicArn = env.require(FunctionEnvironment.AGENCY_ALERTS_TOPIC_ARN);
    }

    /** An SNS subscription endpoint: protocol ({@code email}, {@code sqs}, {@code https}, {@code http}) and address. */
    public record Endpoint(String protocol, String endpoint) {
        @Override
        public String toString() {
            return protocol + ":" + endpoint;
        }
    }

    @Override
    public SyncReport sync(Tenant tenant) {
        Map<Endpoint, String> wanted = wantedPolicies(tenant);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> pending = new ArrayList<>();

        Map<Endpoint, Subscription> existing = new HashMap<>();
        for (Subscription s : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()) {
            existing.put(new Endpoint(s.protocol(), s.endpoint()), s);
        }

        for (Map.Entry<Endpoint, Subscription> e : existing.entrySet()) {
            Subscription s = e.getValue();
            if (isPending(s)) {
                continue;
            }
            String policy = filterPolicy(s.subscriptionArn());
            if (policy == null || !tenant.id().equals(tenantOf(policy))) {
                continue; // another tenant's (or nobody's) subscription
            }
            String want = wanted.get(e.getKey());
            if (want == null) {
                unsubscribe(s.subscriptionArn());
                removed.add(e.getKey().toString());
            } else if (!samePolicy(policy, want)) {
                sns.setSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn())
                        .attributeName("FilterPolicy").attributeValue(want));
                updated.add(e.getKey().toString());
            } else {
                unchanged.add(e.getKey().toString());
            }
        }

        for (Map.Entry<Endpoint, String> w : wanted.entrySet()) {
            Subscription s = existing.get(w.getKey());
            if (s != null && !isPending(s)) {
                String owner = tenantOf(filterPolicy(s.subscriptionArn()));
                if (owner != null && !owner.equals(tenant.id())) {
                    LOG.warn("subscription_endpoint_taken", "tenant", tenant.id(), "owner", owner,
                            "protocol", w.getKey().protocol());
                }
                continue; // handled above (ours) or belongs to another tenant
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("FilterPolicy", w.getValue());
            if (!"email".equals(w.getKey().protocol())) {
                // agencies' systems get the JSON payload itself, with the message attributes alongside
                attributes.put("RawMessageDelivery", "true");
            }
            String arn = sns.subscribe(r -> r.topicArn(topicArn).protocol(w.getKey().protocol())
                    .endpoint(w.getKey().endpoint()).attributes(attributes).returnSubscriptionArn(true))
                    .subscriptionArn();
            if (s != null || arn == null || PENDING.equalsIgnoreCase(arn)) {
                pending.add(w.getKey().toString());
            } else {
                created.add(w.getKey().toString());
            }
        }
        LOG.info("agency_subscriptions_synced", "tenant", tenant.id(), "created", created.size(),
                "updated", updated.size(), "removed", removed.size(), "unchanged", unchanged.size(),
                "pending", pending.size());
        return new SyncReport(created, updated, removed, unchanged, pending);
    }

    /**
     * Endpoint -> canonical filter policy, from the tenant's agencies and their channels. An office that follows
     * kelurahan review chains ({@link Agency#reviewsKelurahan()}) also gets their ids ({@code kelurahan:<code>}), and
     * one that follows areas ({@link Agency#follows()}) their keys, which the step alerts carry as {@code agencyId}.
     */
    public static Map<Endpoint, String> wantedPolicies(Tenant tenant) {
        Map<Endpoint, TreeSet<String>> ids = new LinkedHashMap<>();
        for (Agency agency : tenant.agencies()) {
            for (NotificationChannel channel : agency.channels()) {
                TreeSet<String> endpointIds = ids.computeIfAbsent(new Endpoint(protocol(channel), channel.endpoint()),
                        k -> new TreeSet<>());
                endpointIds.add(agency.id());
                agency.reviewsKelurahan().forEach(code -> endpointIds.add(CaseRouter.kelurahanChain(code)));
                endpointIds.addAll(agency.follows()); // step alerts of the areas it follows (StepAlerts.areaKey)
            }
        }
        Map<Endpoint, String> out = new LinkedHashMap<>();
        ids.forEach((endpoint, agencyIds) -> out.put(endpoint, AgencyFilterPolicy.of(tenant.id(), agencyIds).toJson()));
        return out;
    }

    static String protocol(NotificationChannel channel) {
        return switch (channel.type()) {
            case EMAIL -> "email";
            case SQS -> "sqs";
            case HTTPS -> channel.endpoint().startsWith("http://") ? "http" : "https";
        };
    }

    private String filterPolicy(String subscriptionArn) {
        try {
            return sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes().get("FilterPolicy");
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void unsubscribe(String subscriptionArn) {
        try {
            sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn));
        } catch (NotFoundException e) {
            // gone already
        }
    }

    private static boolean isPending(Subscription s) {
        return s.subscriptionArn() == null || !s.subscriptionArn().startsWith("arn:");
    }

    /** The single tenant a policy names, or null when it names none or several. */
    String tenantOf(String policy) {
        if (policy == null) {
            return null;
        }
        try {
            JsonNode tenants = json.tree(policy).get(AgencyFilterPolicy.TENANT_ATTRIBUTE);
            if (tenants != null && tenants.isArray() && tenants.size() == 1 && tenants.get(0).isString()) {
                return tenants.get(0).getStringValue();
            }
        } catch (Json.MalformedJsonException e) {
            return null;
        }
        return null;
    }

    /** Semantic equality (SNS may return the policy reformatted). */
    boolean samePolicy(String stored, String wanted) {
        try {
            return Objects.equals(normalized(json.tree(stored)), normalized(json.tree(wanted)));
        } catch (Json.MalformedJsonException e) {
            return false;
        }
    }

    private static Object normalized(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new java.util.TreeMap<>();
            for (var e : node.entries()) {
                m.put(e.getKey(), normalized(e.getValue()));
            }
            return m;
        }
        if (node.isArray()) {
            TreeSet<String> values = new TreeSet<>();
            for (int i = 0; i < node.size(); i++) {
                Object v = normalized(node.get(i));
                values.add(String.valueOf(v));
            }
            return values;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        return String.valueOf(node.getValue());
    }
}
