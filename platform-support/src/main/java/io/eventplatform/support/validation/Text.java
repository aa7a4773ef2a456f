package io.eventplatform.support.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What counts as text on this platform: well-formed UTF-8 (no overlong forms, no encoded surrogates), no lone
 * surrogate written as a JSON escape, no NUL (PostgreSQL cannot store it); lengths in code points, as a person
 * counts characters (an emoji is one).
 */
public final class Text {

    private Text() {
    }

    /** The length a person sees: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Why a JSON request body is not acceptable text, or null when it is. */
    public static @Nullable String problemInJson(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8";
        }
        // in JSON a backslash appears only inside strings, always starting an escape
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (c != '\\' || i + 1 >= text.length()) {
                continue;
            }
            if (text.charAt(i + 1) != 'u') {
                i++; // \" \\ \/ \b \f \n \r \t
                continue;
            }
            int unit = hex(text, i + 2);
            if (unit < 0) {
                continue; // not JSON: the parser answers it
            }
            if (unit == 0) {
                return "contains a NUL character (\\u0000)";
            }
            if (Character.isLowSurrogate((char) unit)) {
                return "contains a lone surrogate (\\u" + text.substring(i + 2, i + 6) + ")";
            }
            if (Character.isHighSurrogate((char) unit)) {
                int next = text.startsWith("\\u", i + 6) ? hex(text, i + 8) : -1;
                boolean paired = next >= 0 && Character.isLowSurrogate((char) next);
                if (!paired) {
                    return "contains a lone surrogate (\\u" + text.substring(i + 2, i + 6) + ")";
                }
                i += 11;
                continue;
            }
            i += 5;
        }
        return null;
    }

    /** The four hex digits at {@code from} as a number, or -1 (malformed JSON: the parser will say so). */
    private static int hex(String text, int from) {
        if (from + 4 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
