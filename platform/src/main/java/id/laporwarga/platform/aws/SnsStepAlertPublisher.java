package id.laporwarga.platform.aws;

import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.port.StepAlertPublisher;
import id.laporwarga.platform.ConsoleLinks;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Step alerts on the alerts topic ({@code AGENCY_ALERTS_TOPIC_ARN}), with the String attributes {@code tenant},
 * {@code agencyId} (the area key: {@code rt:<rtId>}, {@code kelurahan:<code>}, {@code kecamatan:<code>},
 * {@code city}), {@code role}, {@code area}, {@code status} and {@code eventType=case.step_entered}: the offices'
 * subscriptions ({@code {"tenant":[t],"agencyId":[.., <area keys they follow>]}}) get the ones of their areas, and an
 * integration may filter on role and area. E-mail gets the Indonesian text; SQS/HTTPS the JSON payload.
 */
@Singleton
@Requires(classes = SnsClient.class) // sns is optional in platform: only the functions that publish carry it
public class SnsStepAlertPublisher implements StepAlertPublisher {
    public static final String EVENT_TYPE = "case.step_entered";

    private final SnsClient sns;
    private final Json json;
    private final String topicArn;
    private final ConsoleLinks console;

    public SnsStepAlertPublisher(SnsClient sns, Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.json = json;
        this.topicArn = env.require(FunctionEnvironment.AGENCY_ALERTS_TOPIC_ARN);
        this.console = ConsoleLinks.of(env);
    }

    /** The case in the officials' console (they sign in there; the link stays valid as long as the work). */
    String caseLink(String caseId) {
        return console.caseLink(caseId);
    }

    @Override
    public String publish(StepAlerts.StepAlert alert) {
        Map<String, Object> body = payload(alert);
        String link = caseLink(alert.caseId());
        body.put("consoleUrl", link);
        String payload = json.write(body);
        Map<String, String> perProtocol = new LinkedHashMap<>();
        perProtocol.put("default", payload);
        perProtocol.put("email", link == null ? alert.text() : alert.text() + "\n\n" + link);
        perProtocol.put("sqs", payload);
        perProtocol.put("https", payload);
        perProtocol.put("http", payload);
        return sns.publish(r -> r.topicArn(topicArn).messageStructure("json").message(json.write(perProtocol))
                .subject(alert.subject()).messageAttributes(attributes(alert))).messageId();
    }

    /** The JSON payload: {@code lapor-warga.step-alert/1}. */
    public static Map<String, Object> payload(StepAlerts.StepAlert a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schema", "lapor-warga.step-alert/1");
        p.put("alertId", a.alertId());
        p.put("tenant", a.tenantId());
        p.put("caseId", a.caseId());
        p.put("trackingCode", a.trackingCode());
        p.put("kind", a.kind().name());
        p.put("status", a.step().name());
        p.put("role", a.role().name());
        p.put("scope", a.scope().name());
        p.put("area", a.area());
        p.put("deadlineAt", a.deadlineAt() == null ? null : a.deadlineAt().toString());
        p.put("text", a.text());
        return p;
    }

    public static Map<String, MessageAttributeValue> attributes(StepAlerts.StepAlert a) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        put(out, "eventType", EVENT_TYPE);
        put(out, "tenant", a.tenantId());
        put(out, "agencyId", StepAlerts.areaKey(a.scope(), a.area()));
        put(out, "role", a.role().name());
        put(out, "area", a.area());
        put(out, "status", a.step().name());
        return out;
    }

    private static void put(Map<String, MessageAttributeValue> m, String name, String value) {
        m.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
    }
}
