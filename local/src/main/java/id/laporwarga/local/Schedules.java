package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import java.lang.System.Logger.Level;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Schedule} (EventBridge rule) and {@code ScheduleV2} (EventBridge Scheduler) events: {@code rate(N unit)}
 * expressions run on a timer (first run one period after start, as EventBridge does); {@code cron(...)} and
 * {@code at(...)} are only logged. Any schedule can be run at once with {@code POST /_local/schedules/{FunctionId}};
 * a JSON body on that request is sent to the function instead of the schedule's Input.
 */
final class Schedules implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Schedules.class.getName());
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    /** A schedule of a function with its expression resolved. */
    record Schedule(String functionLogicalId, SamTemplate.ScheduleEvent event, String expression) {
    }

    private final ProvisionedStack stack;
    private final Map<String, LocalFunction> functions;
    private final List<Schedule> schedules = new ArrayList<>();
    private ScheduledExecutorService timer;

    Schedules(ProvisionedStack stack, Map<String, LocalFunction> functions) {
        this.stack = stack;
        this.functions = functions;
        for (SamTemplate.Function f : stack.template().functions()) {
            for (SamTemplate.ScheduleEvent e : f.events(SamTemplate.ScheduleEvent.class)) {
                schedules.add(new Schedule(f.logicalId(), e, stack.resolveString(e.expression())));
            }
        }
    }

    List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /** Starts timers for the enabled rate() schedules of running functions. */
    void start() {
        for (Schedule s : schedules) {
            String where = s.functionLogicalId() + "." + s.event().name() + " " + s.expression();
            if (!s.event().enabled()) {
                LOG.log(Level.INFO, "schedule " + where + " is disabled in the template");
                continue;
            }
            if (!functions.containsKey(s.functionLogicalId())) {
                continue;
            }
            Duration period = rate(s.expression());
            if (period == null) {
                LOG.log(Level.INFO, "schedule " + where + " is not run by a timer locally; run it with  curl -X POST "
                        + "<base-url>/_local/schedules/" + s.functionLogicalId());
                continue;
            }
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "schedules");
                    t.setDaemon(true);
                    return t;
                });
            }
            timer.scheduleAtFixedRate(() -> {
                try {
                    run(s);
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "scheduled run of " + where + " failed", e);
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            LOG.log(Level.INFO, "schedule " + where + ": every " + period);
        }
    }

    /** rate(N minutes|hours|days) as a duration; null for cron(), at() and anything else. */
    static Duration rate(String expression) {
        Matcher m = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        if (n <= 0) {
            throw new IllegalArgumentException("invalid schedule " + expression);
        }
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The schedule of a function (the named event, or its first schedule). */
    Schedule find(String functionLogicalId, String eventName) {
        return schedules.stream().filter(s -> s.functionLogicalId().equals(functionLogicalId)
                        && (eventName == null || s.event().name().equals(eventName)))
                .findFirst().orElse(null);
    }

    /** Invokes the function with the event EventBridge would send; returns its output. */
    Object run(Schedule s) {
        return run(s, null);
    }

    /**
     * Invokes the function with {@code input} (a parsed JSON tree: map, list or scalar) in place of the schedule's
     * Input, as a one-off run with a chosen input (e.g. {@code {"tenant":"kotamobagu","period":"2026-10"}}); with
     * {@code input == null} the schedule's own Input (or EventBridge's event) is sent.
     */
    Object run(Schedule s, Object input) {
        LocalFunction fn = functions.get(s.functionLogicalId());
        if (fn == null) {
            throw new IllegalStateException(s.functionLogicalId() + " is not running");
        }
        return fn.invoke(input == null ? event(s, fn.inputType()) : converted(input, fn.inputType()));
    }

    private static Object converted(Object parsed, Type inputType) {
        if (inputType == null || inputType == Object.class) {
            return parsed;
        }
        return inputType == String.class ? Jsons.write(parsed) : Jsons.convert(parsed, inputType);
    }

    private Object event(Schedule s, Type inputType) {
        Object input = s.event().input() == null ? null : stack.resolve(s.event().input());
        Map<String, Object> map;
        if (input != null) {
            // EventBridge sends the target's Input instead of the event
            return converted(input instanceof String text ? Jsons.read(text) : input, inputType);
        }
        Instant now = Instant.now();
        String ruleName = stack.stackName() + "-" + s.functionLogicalId() + s.event().name();
        String rule = "arn:aws:" + ("ScheduleV2".equals(s.event().type()) ? "scheduler" : "events") + ":"
                + stack.region() + ":" + stack.accountId() + ":"
                + ("ScheduleV2".equals(s.event().type()) ? "schedule/default/" : "rule/") + ruleName;
        if (inputType instanceof Class<?> c && ScheduledEvent.class.isAssignableFrom(c)) {
            ScheduledEvent e = new ScheduledEvent();
            e.setVersion("0");
            e.setId(UUID.randomUUID().toString());
            e.setDetailType("Scheduled Event");
            e.setSource("aws." + ("ScheduleV2".equals(s.event().type()) ? "scheduler" : "events"));
            e.setAccount(stack.accountId());
            e.setTime(new org.joda.time.DateTime(now.toEpochMilli(), org.joda.time.DateTimeZone.UTC));
            e.setRegion(stack.region());
            e.setResources(List.of(rule));
            e.setDetail(new LinkedHashMap<>());
            return e;
        }
        map = new LinkedHashMap<>();
        map.put("version", "0");
        map.put("id", UUID.randomUUID().toString());
        map.put("detail-type", "Scheduled Event");
        map.put("source", "aws." + ("ScheduleV2".equals(s.event().type()) ? "scheduler" : "events"));
        map.put("account", stack.accountId());
        map.put("time", now.toString().replaceAll("\\.\\d+Z$", "Z"));
        map.put("region", stack.region());
        map.put("resources", List.of(rule));
        map.put("detail", Map.of());
        if (inputType == null || inputType == Object.class || inputType == Map.class
                || (inputType instanceof ParameterizedType p && p.getRawType() == Map.class)) {
            return map;
        }
        return inputType == String.class ? Jsons.write(map) : Jsons.convert(map, inputType);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
