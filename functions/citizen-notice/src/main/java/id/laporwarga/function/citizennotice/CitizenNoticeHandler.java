package id.laporwarga.function.citizennotice;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.SqsBatch;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Sends citizens their notices: consumes the citizen-notices queue (subscribed to the citizen-notices topic with raw
 * delivery), resolves the reporter's contact by case id (its role is one of the two allowed to read contact items)
 * and sends the SMS; e-mails a referral to the external institution's address (SES) ({@link CitizenNotices}).
 * Its own module: the SNS and SES SDKs ship in this package only. Partial batch failures ({@link SqsBatch}): a refused
 * send is retried, and lands in the dead-letter queue after 5 receives.
 */
public class CitizenNoticeHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(CitizenNoticeHandler.class, InitPhaseWarmup.AwsClient.SNS);
    }

    @Inject
    Provider<CitizenNotices> notices;

    public CitizenNoticeHandler() {
        super();
    }

    public CitizenNoticeHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected void prime(ApplicationContext ctx) {
        notices.get().prime();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "CitizenNotice", "citizen_notice_failed",
                message -> notices.get().process(message.getBody()));
    }
}
