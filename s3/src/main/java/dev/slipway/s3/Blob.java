package dev.slipway.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** An object's or a part's bytes: held in memory, or in a file of the data directory. */
sealed interface Blob permits Blob.Memory, Blob.File {
    long size();

    /** Reads {@code length} bytes from {@code offset}. */
    byte[] read(long offset, int length);

    InputStream open() throws IOException;

    default byte[] readAll() {
        return read(0, Math.toIntExact(size()));
    }

    record Memory(byte[] bytes) implements Blob {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public byte[] read(long offset, int length) {
            return offset == 0 && length == bytes.length ? bytes
                    : Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    record File(Path path, long size) implements Blob {
        @Override
        public byte[] read(long offset, int length) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(length);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, offset + buf.position()) < 0) {
                        throw new IOException("unexpected end of " + path);
                    }
                }
                return buf.array();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }
}
