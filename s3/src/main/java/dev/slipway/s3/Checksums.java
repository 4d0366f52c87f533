package dev.slipway.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import dev.slipway.protocol.http.Headers;

/**
 * Content-MD5 and the {@code x-amz-checksum-*} algorithms S3 verifies (CRC32, CRC32C, CRC64NVME,
 * SHA1, SHA256), each the base64 of the big-endian digest.
 */
final class Checksums {
    static final List<String> ALGORITHMS = List.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256");

    private Checksums() {}

    static String headerName(String algorithm) {
        return "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
    }

    static byte[] md5(byte[] data) {
        return digest("MD5", data);
    }

    static String md5Hex(byte[] data) {
        return HexFormat.of().formatHex(md5(data));
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-256", data));
    }

    static String compute(String algorithm, byte[] data) {
        byte[] digest = switch (algorithm) {
            case "CRC32" -> crc(new CRC32(), data);
            case "CRC32C" -> crc(new CRC32C(), data);
            case "CRC64NVME" -> ByteBuffer.allocate(8).putLong(crc64nvme(data)).array();
            case "SHA1" -> digest("SHA-1", data);
            case "SHA256" -> digest("SHA-256", data);
            default -> throw new IllegalArgumentException(algorithm);
        };
        return Base64.getEncoder().encodeToString(digest);
    }

    /**
     * Verifies Content-MD5 and every {@code x-amz-checksum-*} given in the headers or the
     * aws-chunked trailer; returns the checksums to store (those given, else CRC32 when the
     * client asked for a checksum algorithm without a value).
     */
    static Map<String, String> verify(Headers headers, Map<String, String> trailers, byte[] data) {
        String md5 = headers.get("Content-MD5");
        if (md5 != null) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(md5.trim());
            } catch (IllegalArgumentException e) {
                throw S3Exception.invalidDigest(md5);
            }
            if (given.length != 16) {
                throw S3Exception.invalidDigest(md5);
            }
            byte[] actual = md5(data);
            if (!MessageDigest.isEqual(given, actual)) {
                throw S3Exception.badDigest(md5, Base64.getEncoder().encodeToString(actual));
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String algorithm : ALGORITHMS) {
            String header = headerName(algorithm);
            String given = trailers.getOrDefault(header, headers.get(header));
            if (given == null) {
                continue;
            }
            String actual = compute(algorithm, data);
            if (!validBase64(given, expectedLength(algorithm))) {
                throw S3Exception.invalidChecksumHeader(header);
            }
            if (!actual.equals(given.trim())) {
                throw S3Exception.checksumMismatch(algorithm);
            }
            result.put(algorithm, actual);
        }
        String requested = headers.get("x-amz-sdk-checksum-algorithm");
        if (result.isEmpty() && requested != null && ALGORITHMS.contains(requested.toUpperCase(Locale.ROOT))) {
            String algorithm = requested.toUpperCase(Locale.ROOT);
            result.put(algorithm, compute(algorithm, data));
        }
        return result;
    }

    private static int expectedLength(String algorithm) {
        return switch (algorithm) {
            case "CRC32", "CRC32C" -> 4;
            case "CRC64NVME" -> 8;
            case "SHA1" -> 20;
            default -> 32;
        };
    }

    private static boolean validBase64(String value, int length) {
        try {
            return Base64.getDecoder().decode(value.trim()).length == length;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] crc(Checksum checksum, byte[] data) {
        checksum.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // CRC-64/NVME: reflected, polynomial 0xad93d23594c93659, init and xorout all ones.
    private static final long[] CRC64_TABLE = new long[256];

    static {
        long poly = Long.reverse(0xad93d23594c93659L);
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int j = 0; j < 8; j++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
            CRC64_TABLE[i] = crc;
        }
    }

    static long crc64nvme(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc = CRC64_TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        }
        return ~crc;
    }
}
