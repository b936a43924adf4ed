package id.laporwarga.local;

/**
 * An extension of the local stack, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/id.laporwarga.local.LocalPlugin} file listing the class) or passed in
 * {@link DevStackOptions#plugins()}. Plugins run after the functions, routes and event sources are set up and
 * before the stack is reported ready. Typical uses: a JWT {@link RequestAuthorizer} for routes with an {@code Auth}
 * authorizer ({@link LocalRuntime#authorizer(RequestAuthorizer)}), extra endpoints under {@code /_local/...}
 * ({@link LocalRuntime#httpServer()}), seed data, fault injection ({@link LocalRuntime#aws()}).
 */
public interface LocalPlugin {
    void register(LocalRuntime runtime) throws Exception;

    default String name() {
        return getClass().getSimpleName();
    }
}
