package dev.trafficengineer.server;

import dev.trafficengineer.chat.ChatState;
import dev.trafficengineer.chat.ChatStateJson;
import dev.trafficengineer.chat.ChatStateJson.InvalidStateException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The conversation state as the HTTP API hands it out: the state's JSON, gzipped, with an HMAC-SHA256 over it
 * ({@code base64url(data).base64url(mac)}). The server keeps nothing between turns, so any replica with the same
 * key can serve any turn; a state that was altered, or sealed with another key, fails the check before anything in
 * it is read, and a state that passes is still validated part by part.
 */
final class StateSeal {

    /** A sealed state inflates to at most this many bytes: a state is small, and this bounds a crafted one. */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private final byte[] key;

    StateSeal(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a state key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    String seal(ChatState state) {
        byte[] data = gzip(ChatStateJson.write(state).getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(data) + "." + b64.encodeToString(mac(data));
    }

    ChatState open(String sealed) throws InvalidStateException {
        int dot = sealed.indexOf('.');
        if (dot < 0 || sealed.indexOf('.', dot + 1) >= 0) {
            throw new InvalidStateException("the state is not one this server handed out (send back the `state`"
                    + " of the last reply, unchanged)");
        }
        byte[] data;
        byte[] mac;
        try {
            data = Base64.getUrlDecoder().decode(sealed.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException("the state is not one this server handed out (not base64url)");
        }
        if (!MessageDigest.isEqual(mac, mac(data))) {
            throw new InvalidStateException("the state was changed, or sealed with another key (a restarted server"
                    + " without --state-key makes a new one); start a new conversation");
        }
        return ChatStateJson.read(gunzip(data));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws InvalidStateException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] json = in.readNBytes(MAX_JSON_BYTES + 1);
            if (json.length > MAX_JSON_BYTES) {
                throw new InvalidStateException("the state is too large");
            }
            return new String(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidStateException("the state cannot be read (" + e.getMessage() + ")");
        }
    }
}
