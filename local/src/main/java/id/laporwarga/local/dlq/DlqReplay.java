package id.laporwarga.local.dlq;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.SamTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code ./lapor-dlq}: shows and replays a dead-letter queue after a fix.
 *
 * <pre>
 * ./lapor-dlq list   RoutingDLQ                 # local stack (127.0.0.1:$MOTO_PORT, stack lapor-warga-local)
 * ./lapor-dlq replay RoutingDLQ                 # moves every message back to RoutingQueue
 * ./lapor-dlq replay PhotoUploadedDLQ --aws --stack lapor-warga-prod    # AWS, standard credentials and region
 * </pre>
 *
 * The queue is a logical id of template.yaml (resolved with the stack name, as the template names queues
 * {@code ${AWS::StackName}-...}), a queue name or a queue URL. The source queue is the one whose RedrivePolicy names
 * the DLQ (SQS's ListDeadLetterSourceQueues), or {@code --to}. Replay uses SQS's StartMessageMoveTask where the
 * endpoint has it (AWS) and otherwise receive / send / delete in batches of 10 (moto, older LocalStack): a message is
 * deleted from the DLQ only after the source queue accepted it, so a crash duplicates at worst (the functions are
 * idempotent) and never loses one.
 *
 * <p>Why a message is in the DLQ: the DLQ keeps the original message id, body and ApproximateReceiveCount; the
 * function logged one structured line per failed attempt with that {@code messageId} ({@code
 * photo_verification_failed} / {@code case_routing_failed} with {@code errorType}, {@code errorMessage},
 * {@code receiveCount}). {@code list} prints the ids and the CloudWatch Logs Insights query that finds them.
 */
public final class DlqReplay {
    private final SqsClient sqs;
    private final PrintStream out;

    public DlqReplay(SqsClient sqs, PrintStream out) {
        this.sqs = sqs;
        this.out = out;
    }

    /** How the messages went back. */
    public enum Method { MESSAGE_MOVE_TASK, RECEIVE_SEND_DELETE }

    public record Result(int moved, Method method, String dlqUrl, String sourceUrl) {
    }

    /** One message seen in the DLQ. */
    public record DeadLetter(String messageId, int receiveCount, Instant sentAt, Instant firstReceivedAt, String body,
                             Map<String, String> messageAttributes) {
    }

    // ------------------------------------------------------------------ operations

    /** Up to {@code max} messages of the DLQ, left in place (made visible again at once). */
    public List<DeadLetter> peek(String dlqUrl, int max) {
        List<DeadLetter> seen = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        while (seen.size() < max) {
            int batch = Math.min(10, max - seen.size());
            @SuppressWarnings("deprecation")
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(batch)
                    .visibilityTimeout(30).waitTimeSeconds(1).attributeNamesWithStrings("All")
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message m : messages) {
                seen.add(toDeadLetter(m));
                handles.add(m.receiptHandle());
            }
        }
        for (String h : handles) {
            try {
                sqs.changeMessageVisibility(b -> b.queueUrl(dlqUrl).receiptHandle(h).visibilityTimeout(0));
            } catch (SdkException e) {
                // visible again after 30 s anyway
            }
        }
        return seen;
    }

    /** Prints the messages of the DLQ and how to find why each one failed. */
    public List<DeadLetter> list(String dlqUrl, int max) {
        List<DeadLetter> letters = peek(dlqUrl, max);
        out.println(letters.size() + " message(s) in " + dlqUrl + (letters.size() == max ? " (at least)" : ""));
        for (DeadLetter d : letters) {
            out.println("  messageId=" + d.messageId() + " receiveCount=" + d.receiveCount() + " sentAt=" + d.sentAt()
                    + " firstReceivedAt=" + d.firstReceivedAt() + (d.messageAttributes().isEmpty() ? ""
                    : " attributes=" + d.messageAttributes()));
            out.println("    body: " + abbreviate(d.body(), 240));
        }
        if (!letters.isEmpty()) {
            out.println("Why: every failed attempt is logged by the function with this messageId, e.g. (CloudWatch Logs"
                    + " Insights on the function's log group):");
            out.println("  fields @timestamp, event, errorType, errorMessage, receiveCount, caseId | filter messageId = \""
                    + letters.get(0).messageId() + "\" | sort @timestamp");
            out.println("  (local stack: grep '\"messageId\":\"" + letters.get(0).messageId()
                    + "\"' in the output of ./lapor-local)");
        }
        return letters;
    }

    /**
     * Moves up to {@code max} messages from the DLQ back to {@code sourceUrl} (null: the queue whose RedrivePolicy
     * names the DLQ). {@code useMoveTask}: try StartMessageMoveTask first (moves everything; {@code max} is then a
     * rate hint only).
     */
    public Result replay(String dlqUrl, String sourceUrl, int max, boolean useMoveTask) {
        String source = sourceUrl != null ? sourceUrl : sourceOf(dlqUrl);
        if (useMoveTask) {
            try {
                int moved = moveTask(dlqUrl, source);
                out.println("moved " + moved + " message(s) from " + dlqUrl + " to " + source
                        + " (StartMessageMoveTask)");
                return new Result(moved, Method.MESSAGE_MOVE_TASK, dlqUrl, source);
            } catch (SdkException e) {
                out.println("StartMessageMoveTask is not available here (" + abbreviate(String.valueOf(e.getMessage()), 120)
                        + "); moving by receive/send/delete");
            }
        }
        int moved = 0;
        while (moved < max) {
            int batch = Math.min(10, max - moved);
            @SuppressWarnings("deprecation")
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(batch)
                    .visibilityTimeout(60).waitTimeSeconds(1).attributeNamesWithStrings("All")
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                DeadLetter d = toDeadLetter(m);
                out.println("  replay messageId=" + d.messageId() + " receiveCount=" + d.receiveCount() + " sentAt="
                        + d.sentAt() + " body: " + abbreviate(d.body(), 160));
                sends.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(m.body())
                        .messageAttributes(m.messageAttributes()).build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(source).entries(sends));
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            sent.successful().forEach(s -> {
                int i = Integer.parseInt(s.id().substring(1));
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(s.id())
                        .receiptHandle(messages.get(i).receiptHandle()).build());
            });
            sent.failed().forEach(f -> out.println("  NOT moved (" + f.code() + " " + f.message() + "): stays in the DLQ"));
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(dlqUrl).entries(deletes));
            }
            moved += deletes.size();
            if (!sent.failed().isEmpty()) {
                break;
            }
        }
        out.println("moved " + moved + " message(s) from " + dlqUrl + " to " + source + " (receive/send/delete)");
        return new Result(moved, Method.RECEIVE_SEND_DELETE, dlqUrl, source);
    }

    private int moveTask(String dlqUrl, String sourceUrl) {
        String dlqArn = arn(dlqUrl);
        String sourceArn = arn(sourceUrl);
        String handle = sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(sourceArn)).taskHandle();
        out.println("StartMessageMoveTask " + handle);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn).maxResults(10))
                    .results();
            for (ListMessageMoveTasksResultEntry t : tasks) {
                if (handle.equals(t.taskHandle()) || (t.taskHandle() == null && tasks.size() == 1)) {
                    if (!"RUNNING".equals(t.status())) {
                        if (!"COMPLETED".equals(t.status())) {
                            out.println("move task ended " + t.status() + ": " + t.failureReason());
                        }
                        return t.approximateNumberOfMessagesMoved() == null ? 0
                                : t.approximateNumberOfMessagesMoved().intValue();
                    }
                }
            }
            sleep(2000);
        }
        throw new IllegalStateException("the message move task " + handle + " is still running after 15 minutes");
    }

    /** The queue whose RedrivePolicy sends to this DLQ. */
    public String sourceOf(String dlqUrl) {
        List<String> sources = sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlqUrl)).queueUrls();
        if (sources.size() != 1) {
            throw new IllegalArgumentException(dlqUrl + " is the dead-letter queue of " + sources.size()
                    + " queues " + sources + ": name the one to replay to with --to");
        }
        return sources.get(0);
    }

    private String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** A logical id of the template (with the stack name), a queue name or a queue URL, as a queue URL. */
    public String queueUrl(String queue, SamTemplate template, String stackName) {
        if (queue.startsWith("http://") || queue.startsWith("https://")) {
            return queue;
        }
        String name = queue;
        SamTemplate.Resource r = template == null ? null : template.resources().get(queue);
        if (r != null) {
            name = queueName(r, stackName);
        }
        String queueName = name;
        return sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    static String queueName(SamTemplate.Resource r, String stackName) {
        if (!"AWS::SQS::Queue".equals(r.type())) {
            throw new IllegalArgumentException(r.logicalId() + " is a " + r.type() + ", not an SQS queue");
        }
        Object name = r.properties().get("QueueName");
        if (name instanceof String s) {
            return s;
        }
        if (name instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String sub) {
            String resolved = sub.replace("${AWS::StackName}", stackName);
            if (resolved.contains("${")) {
                throw new IllegalArgumentException("cannot resolve the QueueName of " + r.logicalId() + ": " + sub
                        + "; pass the queue URL instead");
            }
            return resolved;
        }
        throw new IllegalArgumentException(r.logicalId() + " has no QueueName this tool can resolve; pass its URL");
    }

    private static DeadLetter toDeadLetter(Message m) {
        Map<String, String> a = m.attributesAsStrings();
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        m.messageAttributes().forEach((k, v) -> attributes.put(k, v.stringValue()));
        return new DeadLetter(m.messageId(), parseInt(a.get("ApproximateReceiveCount")), instant(a.get("SentTimestamp")),
                instant(a.get("ApproximateFirstReceiveTimestamp")), m.body(), attributes);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String epochMillis) {
        try {
            return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "... (" + s.length() + " chars)";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("lapor-dlq: " + e.getMessage());
            System.exit(2);
        } catch (SdkException e) {
            System.err.println("lapor-dlq: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String USAGE = """
            usage: lapor-dlq list|replay <QueueLogicalId | queue name | queue URL> [options]
              --stack NAME     stack name used in the template's queue names (local: lapor-warga-local)
              --aws            use AWS (standard credentials chain and region) instead of the local stack
              --endpoint URL   SQS endpoint (default: the local stack's moto, http://127.0.0.1:$MOTO_PORT or 5000)
              --region REGION  (local default ap-southeast-3)
              --to QUEUE       replay to this queue instead of the DLQ's source queue
              --max N          at most N messages (default 10000)
              --no-move-task   do not try StartMessageMoveTask (receive/send/delete only)
            """;

    static int run(String[] args, PrintStream out) {
        if (args.length < 2 || !(args[0].equals("list") || args[0].equals("replay"))) {
            out.print(USAGE);
            return 2;
        }
        String command = args[0];
        String queue = args[1];
        String stack = null;
        String endpoint = null;
        String region = null;
        String to = null;
        boolean aws = false;
        boolean moveTask = true;
        int max = 10_000;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--stack" -> stack = value(args, ++i);
                case "--endpoint" -> endpoint = value(args, ++i);
                case "--region" -> region = value(args, ++i);
                case "--to" -> to = value(args, ++i);
                case "--max" -> max = Integer.parseInt(value(args, ++i));
                case "--aws" -> aws = true;
                case "--no-move-task" -> moveTask = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        SqsClientBuilder b = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (!aws) {
            String port = System.getenv().getOrDefault("MOTO_PORT", "5000");
            String sqsEndpoint = System.getenv("AWS_ENDPOINT_URL_SQS") != null ? System.getenv("AWS_ENDPOINT_URL_SQS")
                    : System.getenv("AWS_ENDPOINT_URL");
            endpoint = endpoint != null ? endpoint : sqsEndpoint != null ? sqsEndpoint : "http://127.0.0.1:" + port;
            b.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)));
            b.region(Region.of(region != null ? region : LocalAws.DEFAULT_REGION));
            stack = stack != null ? stack : "lapor-warga-local";
        } else {
            if (region != null) {
                b.region(Region.of(region));
            }
            if (stack == null && !queue.contains("/") && isLogicalId(queue)) {
                throw new IllegalArgumentException("--aws with a logical id needs --stack (e.g. lapor-warga-dev)");
            }
        }
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        SamTemplate template = null;
        try {
            Path t = SamTemplate.findRepositoryTemplate();
            template = SamTemplate.load(t);
        } catch (RuntimeException e) {
            // no template: queue names and URLs still work
        }
        try (SqsClient sqs = b.build()) {
            DlqReplay tool = new DlqReplay(sqs, out);
            String dlq = tool.queueUrl(queue, template, stack);
            if (command.equals("list")) {
                tool.list(dlq, Math.min(max, 100));
                return 0;
            }
            String source = to == null ? null : tool.queueUrl(to, template, stack);
            tool.list(dlq, Math.min(max, 100));
            Result r = tool.replay(dlq, source, max, moveTask);
            return r.moved() >= 0 ? 0 : 1;
        }
    }

    private static boolean isLogicalId(String queue) {
        return queue.matches("[A-Z][A-Za-z0-9]*");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
