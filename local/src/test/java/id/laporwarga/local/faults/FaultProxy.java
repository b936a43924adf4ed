package id.laporwarga.local.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small TCP fault-injection proxy (in the spirit of toxiproxy) between the functions and an emulator: it forwards
 * bytes unchanged while {@link Mode#PASS}; {@link Mode#RESET} drops every open connection and resets new ones (what a
 * client sees when a service endpoint is down); {@link Mode#BLACKHOLE} accepts connections and never answers (a
 * network partition: only timeouts end the call). The emulator behind it keeps running, so its data survives the
 * "outage" as AWS's does. It knows nothing of the AWS APIs.
 */
final class FaultProxy implements AutoCloseable {
    enum Mode { PASS, RESET, BLACKHOLE }

    private final String name;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    FaultProxy(String name, int targetPort) throws IOException {
        this.name = name;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    Mode mode() {
        return mode;
    }

    /** Switches the mode; leaving PASS drops every open connection (in-flight calls fail or hang, per mode). */
    void mode(Mode next) {
        this.mode = next;
        if (next != Mode.PASS) {
            for (Socket s : open) {
                if (next == Mode.RESET) {
                    reset(s);
                }
            }
        }
    }

    long connections() {
        return connections.get();
    }

    /** Connections reset or black-holed while the proxy was not in PASS. */
    long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Mode now = mode;
            if (now == Mode.RESET) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            if (now == Mode.BLACKHOLE) {
                refused.incrementAndGet();
                open.add(client);
                start(() -> drain(client), "blackhole");
                continue;
            }
            connections.incrementAndGet();
            start(() -> forward(client), "conn");
        }
    }

    private void forward(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            reset(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        start(() -> pump(upstream, client), "down");
        pump(client, upstream);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (mode == Mode.BLACKHOLE) {
                    continue; // swallow: the peer waits for an answer that never comes
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side closed or was reset
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void drain(Socket s) {
        byte[] buffer = new byte[4096];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buffer) >= 0 && !closed) {
                // never answer
            }
        } catch (IOException ignored) {
            // closed
        } finally {
            open.remove(s);
            closeQuietly(s);
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // RST instead of FIN: "connection reset" on the client
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void start(Runnable r, String what) {
        Thread t = new Thread(r, "fault-proxy-" + what);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(FaultProxy::reset);
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " " + endpoint() + " -> 127.0.0.1:" + targetPort + ", " + mode + "]";
    }
}
