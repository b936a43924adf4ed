package id.laporwarga.local;

import id.laporwarga.emulators.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMS and e-mails the functions sent, as moto recorded them ({@code GET /moto-api/data.json}: SNS
 * {@code Publish} to a phone number under {@code sns.SMS}, SES {@code SendEmail} under {@code ses.Message}). Nothing
 * leaves the machine locally; this is how a developer (and the end-to-end tests) see what a citizen would receive.
 */
public final class SentMessages {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SentMessages() {
    }

    /** {@code {"sms":[{"phoneNumber","message"}], "email":[{"to":[..],"subject","body","source"}]}}. */
    public static Map<String, Object> read(LocalAws aws) throws IOException {
        URI uri = aws.endpoint("sns").resolve("/moto-api/data.json");
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("moto answered " + response.statusCode());
        }
        Map<String, Object> state = Jsons.readMap(response.body());
        List<Map<String, Object>> sms = new ArrayList<>();
        for (Map<String, Object> m : entries(state, "sns", "SMS")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("phoneNumber", m.get("phone_number"));
            out.put("message", m.get("message"));
            sms.add(out);
        }
        List<Map<String, Object>> email = new ArrayList<>();
        for (Map<String, Object> m : entries(state, "ses", "Message")) {
            Map<String, Object> out = new LinkedHashMap<>();
            Object destinations = m.get("destinations");
            out.put("to", destinations instanceof Map<?, ?> d ? d.get("ToAddresses") : null);
            out.put("source", m.get("source"));
            out.put("subject", m.get("subject"));
            out.put("body", m.get("body"));
            email.add(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sms", sms);
        out.put("email", email);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> state, String service, String kind) {
        if (state.get(service) instanceof Map<?, ?> backend && backend.get(kind) instanceof List<?> list) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
            return out;
        }
        return List.of();
    }
}
