package id.laporwarga.testkit;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events of {@code events/} (the files {@code sam local invoke -e} takes), read with the Lambda Java
 * runtime's own event serializer, so a test gets exactly the object the runtime would hand the handler.
 */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    public static Path directory() {
        return RepositoryFiles.resolve("events");
    }

    /** The names of every file in {@code events/}, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        return directory().resolve(name);
    }

    /** The file's JSON text (for handlers whose input is a plain object). */
    public static String text(String name) {
        return RepositoryFiles.text(file(name));
    }

    /** An {@code events/} file as the runtime deserializes it into {@code type} (a class of aws-lambda-java-events). */
    public static <T> T load(String name, Class<T> type) {
        return fromJson(text(name), type);
    }

    /** JSON as the runtime deserializes it into an aws-lambda-java-events {@code type}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
