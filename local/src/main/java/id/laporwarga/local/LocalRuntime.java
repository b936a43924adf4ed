package id.laporwarga.local;

import com.sun.net.httpserver.HttpServer;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import java.util.Map;

/** What a {@link LocalPlugin} can reach and change in the running local stack. */
public interface LocalRuntime {
    /** The JDK HTTP server of the API; add contexts under {@code /_local/...}. */
    HttpServer httpServer();

    /** e.g. {@code http://127.0.0.1:3000}. */
    String baseUrl();

    ProvisionedStack stack();

    /** The emulators and SDK clients for them (stop/restart for fault injection). */
    LocalAws aws();

    /** Running functions by logical id. */
    Map<String, LocalFunction> functions();

    /** Functions of the template that could not be started, with the reason. */
    Map<String, String> missingFunctions();

    RouteTable routes();

    RequestAuthorizer authorizer();

    /** Replaces the authorizer of every HTTP route (the default lets everything through without claims). */
    void authorizer(RequestAuthorizer authorizer);

    /** Invokes a running function with an event. */
    Object invoke(String functionLogicalId, Object event);

    /** Closed when the stack stops (before the emulators). */
    void onClose(AutoCloseable resource);

    DevStackOptions options();
}
