package dev.slipway.deploy.limits;

import dev.slipway.service.LoadOptions;
import dev.slipway.service.ServiceProject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Artifacts generated to a size, cheaply: zeros deflate to almost nothing, random bytes stored do not shrink. */
final class Artifacts {
    private Artifacts() {}

    /** A jar holding example/Handler.class plus {@code bytes} of zeros, deflated: large unzipped, small zipped. */
    static Path compressible(Path file, long bytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            handler(zip);
            zip.putNextEntry(new ZipEntry("data/zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(block.length, left));
            }
            zip.closeEntry();
        }
        return file;
    }

    /** A jar holding example/Handler.class plus {@code bytes} of random data, stored: as large zipped as unzipped. */
    static Path incompressible(Path file, int bytes) throws IOException {
        byte[] data = new byte[bytes];
        new Random(42).nextBytes(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            handler(zip);
            ZipEntry e = new ZipEntry("data/random.bin");
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        return file;
    }

    /** A jar with the given entries (name → size in zeros), the handler class included. */
    static Path jar(Path file, Map<String, Integer> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            handler(zip);
            for (Map.Entry<String, Integer> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(new byte[e.getValue()]);
                zip.closeEntry();
            }
        }
        return file;
    }

    static void handler(ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry("example/Handler.class"));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        zip.closeEntry();
    }

    /** A service in {@code dir} whose functions are given as YAML under functions:. */
    static ServiceProject service(Path dir, String functionsAndMore) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: sized
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: app.jar
                """ + functionsAndMore);
        return ServiceProject.load(dir, LoadOptions.defaults());
    }
}
