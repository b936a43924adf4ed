package id.laporwarga.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stack's one adjustable clock: the wall clock plus an offset that only moves forward. Every function the
 * runner starts gets it as its {@link Clock} bean (the domain services take their time from it, see
 * {@code platform/DomainServices}), so {@code POST /_local/clock {"advance":"PT49H"}} lets a developer or a test see
 * overdue steps, escalation and the automatic close without waiting. Local only: the template knows nothing of it.
 */
public final class LocalClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public LocalClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private LocalClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves the clock forward by {@code amount} (zero or positive); returns the new offset from the wall clock. */
    public Duration advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the local clock only moves forward");
        }
        return offset.updateAndGet(o -> o.plus(amount));
    }

    /** How far ahead of the wall clock this clock is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (one shared offset) in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new LocalClock(offset, other);
    }
}
