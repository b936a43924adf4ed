package id.laporwarga.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Invocations no longer pile up bean definitions in a warm container (see {@link NoLambdaContextBeans}). */
class NoLambdaContextBeansTest {
    @Test
    void invocationsRegisterNoLambdaContextBeans() {
        Context lambdaContext = (Context) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> "request-1";
                    case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 1000;
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        try (ApplicationContext ctx = ApplicationContext.builder().environments("function", "lambda").start()) {
            LambdaContextFactory factory = ctx.getBean(LambdaContextFactory.class);
            assertInstanceOf(NoLambdaContextBeans.class, factory);
            for (int i = 0; i < 5; i++) {
                factory.registerSingletons(lambdaContext);
            }
            assertEquals(0, ctx.getBeanDefinitions(Context.class).size());
            assertEquals(0, ctx.getBeanDefinitions(LambdaLogger.class).size());
        }
    }
}
