package dev.slipway.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body, as the AWS SDKs send uploads: signed
 * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}: {@code <hex>;chunk-signature=<sig>\r\n<data>\r\n})
 * or unsigned ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: {@code <hex>\r\n<data>\r\n}), ending with a
 * zero-length chunk and optional trailing headers ({@code x-amz-checksum-crc32:<b64>\r\n}).
 *
 * <p>Chunk and trailer signatures are read but not verified: request signatures are the edge's concern.
 */
final class AwsChunked {
    /** The decoded payload and the trailing headers, names lower-cased. */
    record Decoded(byte[] data, Map<String, String> trailers) {}

    private AwsChunked() {}

    static boolean applies(String contentEncoding, String contentSha256) {
        boolean encoded = contentEncoding != null
                && contentEncoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
        boolean streaming = contentSha256 != null && contentSha256.startsWith("STREAMING-");
        return encoded || streaming;
    }

    static Decoded decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, body.length));
        int pos = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, pos);
            if (lineEnd < 0) {
                throw S3Exception.invalidChunkedBody("missing chunk header");
            }
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            String hex = (semi < 0 ? header : header.substring(0, semi)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw S3Exception.invalidChunkedBody("bad chunk size '" + hex + "'");
            }
            if (size < 0) {
                throw S3Exception.invalidChunkedBody("bad chunk size '" + hex + "'");
            }
            pos = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (pos + (long) size > body.length) {
                throw S3Exception.incompleteBody();
            }
            out.write(body, pos, size);
            pos += size;
            if (pos + 2 > body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
                throw S3Exception.invalidChunkedBody("chunk not followed by CRLF");
            }
            pos += 2;
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            int end = lineEnd < 0 ? body.length : lineEnd;
            String line = new String(body, pos, end - pos, StandardCharsets.UTF_8);
            pos = lineEnd < 0 ? body.length : lineEnd + 2;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw S3Exception.invalidChunkedBody("bad trailing header");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Decoded(out.toByteArray(), trailers);
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
