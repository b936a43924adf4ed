package id.laporwarga.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one strict reading of a request body, before any field is looked at: the bytes must be valid UTF-8 (checked with
 * a decoder that reports, never replaces), the text must be one JSON value whose objects name each key once
 * (Jackson's {@code STRICT_DUPLICATE_DETECTION}), and no key or string may hold a lone UTF-16 surrogate (a
 * {@code "\ud800"} escape without its pair). Anything else is {@link Json.MalformedJsonException}
 * (400 {@code MALFORMED_JSON}): a body such as {@code {"kind":"NOT_A_KIND","kind":"COMPLAINT"}} is never read
 * "last key wins".
 */
public final class StrictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {
    }

    /** The bytes as text, or {@link Json.MalformedJsonException} when they are not valid UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Json.MalformedJsonException(e);
        }
    }

    /** Checks {@code text}: one JSON value, no duplicate key, no lone surrogate (else MalformedJsonException). */
    public static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new Json.MalformedJsonException(new IOException("empty body"));
        }
        if (hasLoneSurrogate(text)) {
            throw new Json.MalformedJsonException(new IOException("lone surrogate in the text"));
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("no JSON value");
            }
            int depth = 0;
            do {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME, VALUE_STRING -> {
                        if (hasLoneSurrogate(parser.getText())) {
                            throw new IOException("lone surrogate in a string");
                        }
                    }
                    default -> {
                    }
                }
                token = depth > 0 ? parser.nextToken() : null;
            } while (token != null);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        } catch (IOException | RuntimeException e) {
            throw new Json.MalformedJsonException(e);
        }
    }

    /** True if {@code s} holds a high surrogate without its low one, or a low one alone. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
