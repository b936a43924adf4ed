package id.laporwarga.platform.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    @Test
    void duplicateKeysAreRefusedAtEveryDepth() {
        assertThrows(Json.MalformedJsonException.class,
                () -> StrictJson.check("{\"kind\":\"NOT_A_KIND\",\"kind\":\"COMPLAINT\"}"));
        assertThrows(Json.MalformedJsonException.class,
                () -> StrictJson.check("{\"location\":{\"lat\":1,\"lat\":2}}"));
        assertThrows(Json.MalformedJsonException.class,
                () -> StrictJson.check("{\"photos\":[{\"sizeBytes\":1,\"sizeBytes\":2}]}"));
        assertDoesNotThrow(() -> StrictJson.check("{\"a\":{\"k\":1},\"b\":{\"k\":1}}"));
    }

    @Test
    void loneSurrogatesAreRefusedEscapedOrRaw() {
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"d\":\"abc\\ud800\"}"));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"d\":\"\\udc00abc\"}"));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"\\ud800\":1}"));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"d\":\"x\uD800y\"}"));
        // a proper pair (an emoji) is fine, escaped or raw
        assertDoesNotThrow(() -> StrictJson.check("{\"d\":\"\\ud83d\\ude00 \uD83D\uDE00\"}"));
    }

    @Test
    void invalidUtf8IsRefusedNeverReplaced() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.utf8(overlong));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.utf8(surrogate));
        assertEquals("{\"a\":\"Kotamobagu é\"}",
                StrictJson.utf8("{\"a\":\"Kotamobagu é\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneValueOnly() {
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"a\":1}{\"a\":2}"));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check("{\"a\":1"));
        assertThrows(Json.MalformedJsonException.class, () -> StrictJson.check(" "));
        assertDoesNotThrow(() -> StrictJson.check(" {\"a\":[1,2,{\"b\":null}]} "));
    }
}
