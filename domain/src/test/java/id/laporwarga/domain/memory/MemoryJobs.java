package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.TenantJobQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The per-tenant job queues in memory ({@link TenantJobQueue}): messages are recorded in order. */
public class MemoryJobs implements TenantJobQueue {
    public final List<Message> sent = new CopyOnWriteArrayList<>();

    @Override
    public int send(List<Message> messages) {
        sent.addAll(messages);
        return messages.size();
    }
}
