package id.laporwarga.function.citizennotice;

import id.laporwarga.domain.notice.CitizenNoticeDelivery;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the citizen-notice function does with one message of the citizen-notices queue: reads the notice (raw
 * delivery, or the SNS envelope) and hands it to {@link CitizenNoticeDelivery} (a referral's
 * {@code institutionEmail} and {@code subject}: the e-mail to the external institution). The notice's id is its
 * {@code eventId} when the publisher gave one, else derived from the case, type, status and text (a redelivered
 * message has the same id, so it is not sent twice).
 */
@Singleton
public class CitizenNotices {
    private static final JsonLog LOG = JsonLog.get(CitizenNotices.class);

    private final CitizenNoticeDelivery delivery;
    private final Json json;

    public CitizenNotices(CitizenNoticeDelivery delivery, Json json) {
        this.delivery = delivery;
        this.json = json;
    }

    public NoticeDeliveries.Delivery process(String body) {
        CitizenNoticeDelivery.Notice notice = parse(body);
        JsonLog.put("caseId", notice.caseId());
        NoticeDeliveries.Delivery d = delivery.deliver(notice);
        LOG.info("citizen_notice.delivered", "noticeType", notice.noticeType(), "channel", d.channel(),
                "outcome", d.outcome().name());
        return d;
    }

    /** Before the SnapStart snapshot: the parser on a sample notice (nothing is sent). */
    void prime() {
        parse("{\"noticeType\":\"case.status_changed\",\"caseId\":\"prime\",\"text\":{\"id\":\"-\"}}");
    }

    CitizenNoticeDelivery.Notice parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        JsonNode root = json.tree(body);
        JsonNode message = root.get("Message");
        if (root.get("Type") != null && message != null && message.isString()) {
            root = json.tree(message.getStringValue());
        }
        String caseId = text(root, "caseId");
        String type = text(root, "noticeType");
        JsonNode texts = root.get("text");
        String textId = texts == null ? null : text(texts, "id");
        if (caseId == null || type == null || textId == null) {
            throw new IllegalArgumentException("a notice needs caseId, noticeType and text.id");
        }
        String id = text(root, "eventId");
        if (id == null) {
            id = caseId + "#citizen-notice#" + type + "#" + sha256(text(root, "status") + "|" + textId);
        }
        return new CitizenNoticeDelivery.Notice(id, type, text(root, "tenant"), caseId, text(root, "trackingCode"),
                textId, text(texts, "en"), text(root, "institutionEmail"), text(root, "subject"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.getStringValue() : null;
    }

    private static String sha256(String s) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
