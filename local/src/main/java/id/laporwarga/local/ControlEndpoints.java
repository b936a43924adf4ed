package id.laporwarga.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.laporwarga.emulators.SamTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's own endpoints under {@code /_local/} (never part of the template; docs/local-stack.md):
 * {@code GET /_local/health}, {@code GET /_local/functions}, {@code GET /_local/schedules} and
 * {@code POST /_local/schedules/{FunctionLogicalId}[?event=Name]} (runs a schedule now; an optional JSON body replaces
 * the schedule's Input), {@code GET|POST /_local/clock} (the functions' clock; {@code {"advance":"PT49H"}} moves it
 * forward), {@code GET /_local/messages} (the SMS and e-mails the emulator recorded as sent). Plugins add more ({@code /_local/tokens}, {@code /_local/jwks.json}: LocalAuthPlugin).
 */
final class ControlEndpoints {
    private static final System.Logger LOG = System.getLogger(ControlEndpoints.class.getName());

    private final DevStack dev;

    ControlEndpoints(DevStack dev) {
        this.dev = dev;
    }

    void register(HttpServer server) {
        server.createContext("/_local/health", ex -> reply(ex, 200, Jsons.write(Map.of("status", "ok"))));
        server.createContext("/_local/functions", ex -> reply(ex, 200, Jsons.write(describeFunctions())));
        server.createContext("/_local/schedules", this::scheduleEndpoint);
        server.createContext("/_local/clock", this::clockEndpoint);
        server.createContext("/_local/messages", this::messagesEndpoint);
    }

    /** {@code GET}: the clock; {@code POST {"advance":"PT16M"}}: moves every function's clock forward. */
    private void clockEndpoint(HttpExchange ex) throws IOException {
        LocalClock clock = dev.clock();
        if ("POST".equals(ex.getRequestMethod())) {
            String body;
            try (var in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                Object advance = Jsons.readMap(body).get("advance");
                if (!(advance instanceof String iso)) {
                    throw new IllegalArgumentException("\"advance\" must be an ISO-8601 duration such as \"PT49H\"");
                }
                clock.advance(Duration.parse(iso));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                reply(ex, 400, Jsons.message("body {\"advance\":\"PT49H\"} (a positive ISO-8601 duration): "
                        + e.getMessage()));
                return;
            }
            LOG.log(Level.INFO, "local clock advanced; now " + clock.instant() + " (+" + clock.offset() + ")");
        } else if (!"GET".equals(ex.getRequestMethod())) {
            reply(ex, 405, Jsons.message("GET or POST /_local/clock"));
            return;
        }
        reply(ex, 200, Jsons.write(Map.of("now", clock.instant().toString(), "offset", clock.offset().toString())));
    }

    /** What the emulator recorded as sent: SMS ({@code sns.SMS}) and e-mails ({@code ses}), from moto's state. */
    private void messagesEndpoint(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            reply(ex, 405, Jsons.message("GET /_local/messages"));
            return;
        }
        try {
            reply(ex, 200, Jsons.write(SentMessages.read(dev.aws())));
        } catch (IOException | RuntimeException e) {
            reply(ex, 502, Jsons.message("cannot read the emulator's record of sent messages: " + e.getMessage()));
        }
    }

    private void scheduleEndpoint(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.substring("/_local/schedules".length()).replaceAll("^/+|/+$", "");
        if (rest.isEmpty()) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, Jsons.message("Method Not Allowed"));
                return;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Schedules.Schedule s : dev.schedules().schedules()) {
                out.add(Map.of("function", s.functionLogicalId(), "event", s.event().name(), "type", s.event().type(),
                        "expression", s.expression(), "enabled", s.event().enabled(),
                        "running", dev.functions().containsKey(s.functionLogicalId())));
            }
            reply(ex, 200, Jsons.write(out));
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, Jsons.message("use POST /_local/schedules/{FunctionLogicalId} to run a schedule now"));
            return;
        }
        String query = ex.getRequestURI().getRawQuery();
        String eventName = null;
        if (query != null && query.startsWith("event=")) {
            eventName = URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
        }
        Schedules.Schedule s = dev.schedules().find(rest, eventName);
        if (s == null) {
            reply(ex, 404, Jsons.message("no Schedule/ScheduleV2 event for function " + rest));
            return;
        }
        if (!dev.functions().containsKey(s.functionLogicalId())) {
            reply(ex, 503, Jsons.message(rest + " is not running: " + dev.missingFunctions().get(rest)));
            return;
        }
        // an optional JSON body replaces the schedule's Input for this run (e.g. a chosen period to score or export)
        Object input = null;
        String body;
        try (var in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!body.isBlank()) {
            try {
                input = Jsons.read(body);
            } catch (IllegalArgumentException e) {
                reply(ex, 400, Jsons.message("the body must be JSON (the function's input): " + e.getMessage()));
                return;
            }
        }
        try {
            Object out = dev.schedules().run(s, input);
            reply(ex, 200, out instanceof LocalFunction.RawJson raw ? raw.json() : Jsons.write(out));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "schedule run of " + rest + " failed", e);
            reply(ex, 500, Jsons.write(Map.of("errorType", e.getClass().getName(),
                    "errorMessage", String.valueOf(e.getMessage()))));
        }
    }

    private List<Map<String, Object>> describeFunctions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SamTemplate.Function f : dev.stack().template().functions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("logicalId", f.logicalId());
            m.put("handler", f.handler());
            m.put("running", dev.functions().containsKey(f.logicalId()));
            if (dev.missingFunctions().containsKey(f.logicalId())) {
                m.put("problem", dev.missingFunctions().get(f.logicalId()));
            }
            LocalFunction fn = dev.functions().get(f.logicalId());
            if (fn != null) {
                m.put("instances", fn.instances());
            }
            m.put("events", f.events().stream().map(e -> e.type() + " " + e.name()).toList());
            out.add(m);
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
        ex.close();
    }
}
