package id.laporwarga.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code events/} is a valid Lambda event of its trigger type (what {@code sam local invoke -e} and the
 * runtime's own deserializer accept) and drives some handler test of {@code functions/} (the emulator-free tier).
 */
class EventFilesTest {

    @Test
    void everyEventFileIsAnEventOfItsTriggerType() {
        List<String> names = LambdaEvents.names();
        assertTrue(names.size() >= 30, names.toString());
        for (String name : names) {
            if (name.startsWith("http-")) {
                APIGatewayV2HTTPEvent e = LambdaEvents.load(name, APIGatewayV2HTTPEvent.class);
                assertEquals("2.0", e.getVersion(), name);
                assertNotNull(e.getRouteKey(), name);
                assertNotNull(e.getRequestContext().getHttp().getMethod(), name);
                assertTrue(e.getRawPath().startsWith("/v1/"), name);
            } else if (name.startsWith("sqs-")) {
                SQSEvent e = LambdaEvents.load(name, SQSEvent.class);
                assertFalse(e.getRecords().isEmpty(), name);
                e.getRecords().forEach(r -> assertEquals("aws:sqs", r.getEventSource(), name));
            } else if (name.startsWith("dynamodb-")) {
                DynamodbEvent e = LambdaEvents.load(name, DynamodbEvent.class);
                assertFalse(e.getRecords().isEmpty(), name);
                e.getRecords().forEach(r -> {
                    assertEquals("aws:dynamodb", r.getEventSource(), name);
                    assertNotNull(r.getDynamodb().getSequenceNumber(), name);
                    assertNotNull(r.getDynamodb().getNewImage(), name);
                });
            } else if (name.startsWith("s3-")) {
                S3Event e = LambdaEvents.load(name, S3Event.class);
                assertTrue(e.getRecords().get(0).getEventName().startsWith("ObjectCreated:"), name);
            } else if (name.startsWith("schedule-")) {
                ScheduledEvent e = LambdaEvents.load(name, ScheduledEvent.class);
                assertEquals("Scheduled Event", e.getDetailType(), name);
            } else {
                // EventBridge Scheduler targets (score-rt, export) get the schedule's Input verbatim: a JSON object
                String text = LambdaEvents.text(name).strip();
                assertTrue(text.startsWith("{") && text.endsWith("}"), name);
            }
        }
    }

    @Test
    void everyEventFileDrivesAHandlerTestWithoutEmulators() {
        List<String> handlerTests = handlerTestSources();
        assertTrue(handlerTests.size() >= 5, "handler tests found: " + handlerTests.size());
        List<String> unused = new ArrayList<>();
        for (String name : LambdaEvents.names()) {
            if (handlerTests.stream().noneMatch(source -> source.contains("\"" + name + "\""))) {
                unused.add(name);
            }
        }
        assertEquals(List.of(), unused, "events/ files no handler test uses");
    }

    /** The text of every {@code *Test.java} under {@code functions/*}/src/test (the Surefire tier). */
    private static List<String> handlerTestSources() {
        try (Stream<Path> files = Files.walk(RepositoryFiles.resolve("functions"))) {
            return files.filter(p -> p.toString().contains("/src/test/") && p.toString().endsWith("Test.java"))
                    .map(RepositoryFiles::text).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
