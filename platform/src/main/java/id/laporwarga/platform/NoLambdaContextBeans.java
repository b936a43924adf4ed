package id.laporwarga.platform;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * micronaut-function-aws registers the Lambda {@link Context} and its logger as new singletons on every invocation;
 * micronaut-inject adds a bean definition each time (after searching the existing ones) and never drops the old one,
 * so a warm container grew slower and bigger with every request (about a third of the handler CPU under the load
 * test). Nothing here injects the Context, so nothing is registered.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
final class NoLambdaContextBeans implements LambdaContextFactory {
    @Override
    public void registerSingletons(Context context) {
        // nothing injects the Lambda Context: see the class comment
    }
}
