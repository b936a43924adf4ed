package id.laporwarga.domain.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** In-memory implementations of the routing service's own ports (not of any AWS API), shared by the domain tests. */
public final class InMemoryRoutingPorts {
    private InMemoryRoutingPorts() {
    }

    public static final class Claims implements DeliveryClaims {
        public final Map<String, String> completed = new HashMap<>();
        public final Map<String, Instant> held = new HashMap<>();
        public boolean holdEverything;

        @Override
        public Claim claim(String key, Instant now) {
            if (holdEverything) {
                return Claim.heldByOther();
            }
            if (completed.containsKey(key)) {
                return Claim.completed(completed.get(key));
            }
            if (held.putIfAbsent(key, now) != null) {
                return Claim.heldByOther();
            }
            return Claim.acquired();
        }

        @Override
        public void complete(String key, String messageId) {
            completed.put(key, messageId);
        }

        @Override
        public void release(String key) {
            held.remove(key);
        }
    }

    public static final class Notifications implements RoutingNotifications {
        public final List<AgencyAlert> alerts = new ArrayList<>();
        public final List<CitizenNotice> notices = new ArrayList<>();
        public int failNext;
        int ids;

        @Override
        public String publishAgencyAlert(AgencyAlert alert) {
            if (failNext > 0) {
                failNext--;
                throw new IllegalStateException("SNS throttled");
            }
            alerts.add(alert);
            return "msg-" + (++ids);
        }

        @Override
        public String publishCitizenNotice(CitizenNotice notice) {
            notices.add(notice);
            return "msg-" + (++ids);
        }
    }
}
