package id.laporwarga.local.hostile;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** {@code -Dhostile.tries=N} overrides the tries of the hostile properties (longer runs; the seed stays fixed). */
public final class HostileTries implements AroundPropertyHook {
    public static final String PROPERTY = "hostile.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(PROPERTY);
        if (tries != null && tries > 0) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
