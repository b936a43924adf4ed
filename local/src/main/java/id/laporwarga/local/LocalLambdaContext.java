package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda {@link Context} of one local invocation: request id, function name/ARN, remaining time, a logger. */
public final class LocalLambdaContext implements Context {
    private final String requestId;
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    public LocalLambdaContext(String functionName, String functionArn, int memoryMb, int timeoutSeconds) {
        this.requestId = UUID.randomUUID().toString();
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
        String prefix = "[" + functionName + "] ";
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(prefix + message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + requestId.substring(0, 8);
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
