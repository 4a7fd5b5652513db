package dev.trafficengineer.promql;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Unquoting of PromQL string literals, as Prometheus's {@code util/strutil.Unquote} does it. The lexer has already
 * checked the escapes, so this never fails on lexed input.
 *
 * <p>Go strings are bytes: {@code "\xc3\xa9"} is "é", and {@code "\xff"} is one byte that is not UTF-8. Byte escapes
 * are therefore collected and decoded as UTF-8; a byte that does not decode becomes U+FFFD.
 */
final class GoStrings {

    private GoStrings() {}

    /** The value of a lexed string token, quotes included. */
    static String unquote(String token) {
        byte[] bytes = unquoteBytes(token);
        if (bytes == null) {
            return token.substring(1, token.length() - 1);
        }
        return decodeLenient(bytes);
    }

    /**
     * The bytes of the value, or null when the literal has no escapes (its value is then the text between the
     * quotes, already valid).
     */
    static byte[] unquoteBytes(String token) {
        char quote = token.charAt(0);
        int end = token.length() - 1;
        if (quote == '`' || token.indexOf('\\') < 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(token.length());
        for (int i = 1; i < end; ) {
            char c = token.charAt(i);
            if (c != '\\') {
                int cp = token.codePointAt(i);
                i += Character.charCount(cp);
                writeUtf8(out, cp);
                continue;
            }
            char e = token.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '\'', '"' -> out.write(e);
                case 'x' -> {
                    out.write(Integer.parseInt(token.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    writeUtf8(out, Integer.parseInt(token.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'U' -> {
                    writeUtf8(out, Integer.parseInt(token.substring(i, i + 8), 16));
                    i += 8;
                }
                default -> {
                    // Octal: exactly three digits, the first already read.
                    out.write(Integer.parseInt(token.substring(i - 1, i + 2), 8));
                    i += 2;
                }
            }
        }
        return out.toByteArray();
    }

    /** True when the bytes are valid UTF-8 (Go's {@code utf8.Valid}). */
    static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Go's {@code %q} of a byte string: valid UTF-8 runs print as text, other bytes as {@code \xNN}. */
    static String quoteBytes(byte[] bytes) {
        if (isValidUtf8(bytes)) {
            return GoText.quote(new String(bytes, StandardCharsets.UTF_8));
        }
        StringBuilder b = new StringBuilder("\"");
        int i = 0;
        while (i < bytes.length) {
            int len = utf8Length(bytes, i);
            if (len == 0) {
                b.append(String.format("\\x%02x", bytes[i] & 0xff));
                i++;
            } else {
                String q = GoText.quote(new String(bytes, i, len, StandardCharsets.UTF_8));
                b.append(q, 1, q.length() - 1);
                i += len;
            }
        }
        return b.append('"').toString();
    }

    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        byte[] part = java.util.Arrays.copyOfRange(b, i, i + n);
        return isValidUtf8(part) ? n : 0;
    }

    private static String decodeLenient(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xc0 | cp >> 6);
            out.write(0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            out.write(0xe0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        } else {
            out.write(0xf0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3f);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        }
    }
}
