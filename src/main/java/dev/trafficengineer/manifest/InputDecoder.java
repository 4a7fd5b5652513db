package dev.trafficengineer.manifest;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text, or into the finding that says why it is not UTF-8 text. */
final class InputDecoder {

    private InputDecoder() {}

    /** The decoded text, or a problem. */
    sealed interface Decoded permits Text, Problem {}

    record Text(String text) implements Decoded {}

    record Problem(Finding finding) implements Decoded {}

    static Decoded decode(String path, byte[] bytes) {
        int from = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            from = 3; // a UTF-8 byte order mark
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return problem(path, 1, "This file is UTF-16 (it starts with a UTF-16 byte order mark); save it as"
                    + " UTF-8.");
        }
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return problem(path, lineAt(bytes, i), "This file contains NUL bytes (at line " + lineAt(bytes, i)
                        + "), so it is binary, not a manifest; leave it out of the review.");
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) ((bytes.length - from) * 1.1) + 16);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            return problem(path, lineAt(bytes, at), String.format(
                    "Byte 0x%02X at line %d is not valid UTF-8; save the file as UTF-8.", bytes[at] & 0xFF,
                    lineAt(bytes, at)));
        }
        try {
            r = d.flush(out);
            if (r.isError()) {
                r.throwException();
            }
        } catch (CharacterCodingException e) {
            return problem(path, lineAt(bytes, bytes.length - 1), "The file ends inside a UTF-8 character; save it"
                    + " as UTF-8.");
        }
        out.flip();
        return new Text(out.toString());
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Problem problem(String path, int line, String message) {
        SourceRange at = new SourceRange(line, 1, line, 1, 0, 0);
        return new Problem(new Finding(InputRules.NOT_UTF8.id(), InputRules.NOT_UTF8.severity(), message, path, at,
                JsonPointer.ROOT, null, null));
    }
}
