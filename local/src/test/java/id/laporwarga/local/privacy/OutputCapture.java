package id.laporwarga.local.privacy;

import id.laporwarga.platform.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Records everything written to {@link JsonLog}, {@code System.out} and {@code System.err} while it is open (still
 * passed through to the real streams), and restores the streams on close.
 */
public final class OutputCapture implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    public OutputCapture() {
        PrintStream out = new PrintStream(new Tee(stdout, originalOut), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(new PrintStream(new Tee(stderr, originalErr), true, StandardCharsets.UTF_8));
        JsonLog.setOutput(new PrintStream(new Tee(logs, originalOut), true, StandardCharsets.UTF_8));
    }

    /** JsonLog lines plus everything else printed to stdout and stderr. */
    public String all() {
        return logs() + stdout() + stderr();
    }

    public String logs() {
        synchronized (logs) {
            return logs.toString(StandardCharsets.UTF_8);
        }
    }

    public String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        JsonLog.setOutput(originalOut);
    }

    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream copy;
        private final OutputStream passThrough;

        Tee(ByteArrayOutputStream copy, OutputStream passThrough) {
            this.copy = copy;
            this.passThrough = passThrough;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                passThrough.write(b);
            } catch (java.io.IOException ignored) {
                // the console is best effort; the copy is what is searched
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                passThrough.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // as above
            }
        }

        @Override
        public void flush() {
            try {
                passThrough.flush();
            } catch (java.io.IOException ignored) {
                // as above
            }
        }
    }
}
