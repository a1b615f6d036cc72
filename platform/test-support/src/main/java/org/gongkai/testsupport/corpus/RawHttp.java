package org.gongkai.testsupport.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, so a test can send what no well-behaved client would: header bytes outside ASCII,
 * bodies that contradict their content type, methods a client library refuses, oversize request lines, broken headers,
 * bodies the server refuses while they are still being sent. The answer is read by its own thread from the first byte
 * on, so a server that answers early is heard even while the body is still going out. Plain JDK code, so that the
 * reactive gateway's tests can use it too without test-support's servlet-side dependencies.
 */
public final class RawHttp {

    /** How long a read may wait: generous, for a busy 2-core machine; a hung server still fails the test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    private static final Pattern CHUNKED = Pattern.compile("(?i)\r\ntransfer-encoding: *chunked");
    /** Readers of answers: threads of their own, never the common pool, which the service under test may need. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread reader = new Thread(runnable, "raw-http-reader");
        reader.setDaemon(true);
        return reader;
    });

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} with {@code headers} (their values written byte for byte as ISO-8859-1) and
     * {@code body}; Host, Content-Length and Connection: close are added.
     */
    public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(port, head.toString().getBytes(StandardCharsets.ISO_8859_1), body, null, 0, method + " " + target);
    }

    /** Sends {@code request} (request line, headers and the blank line, perhaps a body) exactly as written. */
    public static Response exchange(int port, String request) {
        return exchange(port, request, new byte[0], 0);
    }

    /** Sends the request {@code head} as written, then a chunked body of {@code chunks} times {@code chunk}. */
    public static Response exchange(int port, String head, byte[] chunk, int chunks) {
        return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), null, chunk, chunks, head.lines().findFirst().orElse(""));
    }

    private static Response exchange(int port, byte[] head, byte[] body, byte[] chunk, int chunks, String what) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAnswer(socket), READERS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (chunks > 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // a server may answer (413, say) and close before the whole body is sent: its answer is what counts
            }
            return parse(answer.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS));
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("request " + what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("request " + what + " interrupted", e);
        }
    }

    /** Everything the server sends until it closes the connection or a whole response has come. */
    private static byte[] readAnswer(Socket socket) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
                if (complete(received.toByteArray())) {
                    break;
                }
            }
        } catch (IOException resetOrTimedOut) {
            // a server that refused a body midway may reset the connection after answering: keep what arrived
            if (received.size() == 0) {
                throw new UncheckedIOException(resetOrTimedOut);
            }
        }
        return received.toByteArray();
    }

    private static boolean complete(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return received.length >= headEnd + 4 + Integer.parseInt(length.group(1));
        }
        return CHUNKED.matcher(head).find() && text.endsWith("0\r\n\r\n");
    }

    private static Response parse(byte[] all) throws IOException {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] bodyBytes = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            bodyBytes = dechunk(bodyBytes);
        }
        return new Response(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
