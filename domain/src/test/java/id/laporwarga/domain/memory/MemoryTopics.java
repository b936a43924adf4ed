package id.laporwarga.domain.memory;

import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.OutboxPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The topics in memory ({@link OutboxPublisher}): what the outbox relay published, in order; {@code failNext} makes
 * the next publishes fail as an unreachable SNS endpoint would.
 */
public class MemoryTopics implements OutboxPublisher {
    public final List<OutboxEvent> published = new CopyOnWriteArrayList<>();
    public final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String publish(OutboxEvent event) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Unavailable(new java.net.ConnectException("topic unreachable"));
        }
        published.add(event);
        return "memory-" + ids.incrementAndGet();
    }

    /** The published events of one channel, in order. */
    public List<OutboxEvent> on(OutboxEvent.Channel channel) {
        return published.stream().filter(e -> e.channel() == channel).toList();
    }
}
