package org.gongkai.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Talks HTTP/1.1 over a plain socket, for what no HTTP client sends (oversize request lines, broken headers, bodies
 * the server refuses while they are still being sent). The answer is read by its own thread from the first byte on.
 */
final class RawHttp {

    static final int GENEROUS_SECONDS = 60;

    private RawHttp() {
    }

    /** Sends the request head and, if given, a chunked body of {@code chunks} chunks of {@code chunk}; returns the answer. */
    static String exchange(int port, String head, byte[] chunk, int chunks) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(GENEROUS_SECONDS * 1000);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (chunks > 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // the gateway refused the rest; its answer is what counts
            }
            return answer.get(GENEROUS_SECONDS, TimeUnit.SECONDS);
        }
    }

    static String exchange(int port, String request) throws Exception {
        return exchange(port, request, new byte[0], 0);
    }

    /** Everything the server sends until it closes the connection or a whole response with Content-Length has come. */
    private static String readAll(Socket socket) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            // whatever came before the reset or the timeout is the answer
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(response.substring(0, headEnd));
        return length.find() && response.getBytes(StandardCharsets.UTF_8).length >= headEnd + 4 + Integer.parseInt(length.group(1));
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static String body(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        return headEnd < 0 ? "" : response.substring(headEnd + 4);
    }
}
