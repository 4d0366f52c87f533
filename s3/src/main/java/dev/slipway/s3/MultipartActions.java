package dev.slipway.s3;

import dev.slipway.protocol.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/** Multipart upload: Create, UploadPart, Complete, Abort, ListParts, ListMultipartUploads. */
final class MultipartActions {
    private final ObjectStore store;

    MultipartActions(ObjectStore store) {
        this.store = store;
    }

    // ---- Java API

    MultipartUpload create(String bucket, String key, Map<String, String> headers, Map<String, String> userMetadata,
            String checksumAlgorithm) {
        Bucket b = store.bucket(bucket);
        ObjectActions.validateKey(key);
        String id = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        MultipartUpload u = new MultipartUpload(id, key, store.now(), headers, userMetadata, checksumAlgorithm, "STANDARD");
        b.uploads.put(id, u);
        return u;
    }

    MultipartUpload.Part uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] data,
            Map<String, String> checksums) {
        Bucket b = store.bucket(bucket);
        MultipartUpload u = upload(b, key, uploadId);
        if (partNumber < 1 || partNumber > Limits.MAX_PART_NUMBER) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", Integer.toString(partNumber));
        }
        if (data.length > Limits.MAX_PUT_BYTES) {
            throw S3Exception.entityTooLarge(data.length, Limits.MAX_PUT_BYTES);
        }
        if (u.checksumAlgorithm != null && checksums.isEmpty()) {
            checksums = Map.of(u.checksumAlgorithm, Checksums.compute(u.checksumAlgorithm, data));
        }
        MultipartUpload.Part part = new MultipartUpload.Part(partNumber, store.newPartBlob(uploadId, data),
                ObjectActions.quote(Checksums.md5Hex(data)), store.now(), checksums);
        MultipartUpload.Part previous = u.parts.put(partNumber, part);
        if (previous != null) {
            store.discard(previous.blob());
        }
        if (!b.uploads.containsKey(uploadId)) { // aborted meanwhile
            store.discard(part.blob());
            throw S3Exception.noSuchUpload(uploadId);
        }
        return part;
    }

    StoredObject complete(String bucket, String key, String uploadId, List<CompletedPart> requested) {
        Bucket b = store.bucket(bucket);
        MultipartUpload u = upload(b, key, uploadId);
        if (requested.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        List<MultipartUpload.Part> parts = new ArrayList<>();
        int previousNumber = 0;
        for (CompletedPart c : requested) {
            if (c.partNumber() <= previousNumber) {
                throw S3Exception.invalidPartOrder();
            }
            previousNumber = c.partNumber();
            MultipartUpload.Part p = u.parts.get(c.partNumber());
            if (p == null || !ObjectActions.quote(c.eTag().trim()).equals(p.eTag())) {
                throw S3Exception.invalidPart(c.partNumber(), c.eTag());
            }
            parts.add(p);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).blob().size() < Limits.MIN_PART_BYTES) {
                throw S3Exception.entityTooSmall(parts.get(i).blob().size(), Limits.MIN_PART_BYTES);
            }
        }
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (MultipartUpload.Part p : parts) {
            md5s.writeBytes(HexFormat.of().parseHex(p.eTag().replace("\"", "")));
        }
        String eTag = ObjectActions.quote(Checksums.md5Hex(md5s.toByteArray()) + "-" + parts.size());
        Map<String, String> checksums = compositeChecksum(u, parts);
        if (b.uploads.remove(uploadId) == null) {
            throw S3Exception.noSuchUpload(uploadId);
        }
        Blob blob = store.concat(b, parts.stream().map(MultipartUpload.Part::blob).toList());
        StoredObject o = new StoredObject(key, blob, eTag, store.now(), u.headers, u.userMetadata, checksums,
                checksums.isEmpty() ? null : "COMPOSITE",
                parts.stream().map(p -> p.blob().size()).toList(), u.storageClass);
        try {
            store.put(b, o);
        } finally {
            store.discardUpload(uploadId);
        }
        return o;
    }

    /** S3's composite checksum: the checksum of the parts' checksums, suffixed with the part count. */
    private static Map<String, String> compositeChecksum(MultipartUpload u, List<MultipartUpload.Part> parts) {
        String algorithm = u.checksumAlgorithm;
        if (algorithm == null || algorithm.equals("CRC64NVME")
                || parts.stream().anyMatch(p -> !p.checksums().containsKey(algorithm))) {
            return Map.of();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (MultipartUpload.Part p : parts) {
            all.writeBytes(Base64.getDecoder().decode(p.checksums().get(algorithm)));
        }
        return Map.of(algorithm, Checksums.compute(algorithm, all.toByteArray()) + "-" + parts.size());
    }

    void abort(String bucket, String key, String uploadId) {
        Bucket b = store.bucket(bucket);
        MultipartUpload u = upload(b, key, uploadId);
        b.uploads.remove(uploadId);
        u.parts.values().forEach(p -> store.discard(p.blob()));
        store.discardUpload(uploadId);
    }

    private static MultipartUpload upload(Bucket b, String key, String uploadId) {
        MultipartUpload u = b.uploads.get(uploadId);
        if (u == null || !u.key.equals(key)) {
            throw S3Exception.noSuchUpload(uploadId);
        }
        return u;
    }

    // ---- wire

    HttpResponse createMultipartUpload(S3Request r) {
        String algorithm = Optional.ofNullable(r.header("x-amz-checksum-algorithm"))
                .map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (algorithm != null && !Checksums.ALGORITHMS.contains(algorithm)) {
            throw S3Exception.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of "
                    + "the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        MultipartUpload u = create(r.bucket(), r.key(), ObjectActions.storedHeaders(r.http()),
                ObjectActions.userMetadata(r.http()), algorithm);
        Xml xml = Xml.document("InitiateMultipartUploadResult").element("Bucket", r.bucket()).element("Key", r.key())
                .element("UploadId", u.uploadId);
        HttpResponse response = BucketActions.xmlResponse(xml.end("InitiateMultipartUploadResult"));
        if (algorithm != null) {
            response.header("x-amz-checksum-algorithm", algorithm).header("x-amz-checksum-type", "COMPOSITE");
        }
        return response;
    }

    HttpResponse uploadPart(S3Request r) {
        if (r.header("x-amz-copy-source") != null) {
            return uploadPartCopy(r);
        }
        Bucket b = store.bucket(r.bucket());
        upload(b, r.key(), r.query("uploadId").orElse(""));
        int partNumber = partNumber(r.query("partNumber").orElse(""));
        ObjectActions.Payload payload = ObjectActions.Payload.read(r.http());
        MultipartUpload.Part part = uploadPart(r.bucket(), r.key(), r.query("uploadId").get(), partNumber,
                payload.data(), payload.checksums());
        HttpResponse response = HttpResponse.status(200).header("ETag", part.eTag())
                .header("x-amz-server-side-encryption", "AES256");
        part.checksums().forEach((alg, v) -> response.header(Checksums.headerName(alg), v));
        return response;
    }

    /** UploadPartCopy: a part taken from an existing object, whole or {@code x-amz-copy-source-range: bytes=a-b}. */
    private HttpResponse uploadPartCopy(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        upload(b, r.key(), r.query("uploadId").orElse(""));
        int partNumber = partNumber(r.query("partNumber").orElse(""));
        StoredObject src = ObjectActions.copySource(store, r);
        String range = r.header("x-amz-copy-source-range");
        byte[] data;
        if (range == null) {
            data = src.blob().readAll();
        } else {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(range.trim());
            long first = m.matches() ? Long.parseLong(m.group(1)) : -1;
            long last = m.matches() ? Long.parseLong(m.group(2)) : -1;
            if (first < 0 || last < first || last >= src.size() || last - first + 1 > Limits.MAX_PUT_BYTES) {
                throw S3Exception.invalidArgument("Range specified is not valid for source object of size: " + src.size(),
                        "x-amz-copy-source-range", range);
            }
            data = src.blob().read(first, (int) (last - first + 1));
        }
        MultipartUpload.Part part = uploadPart(r.bucket(), r.key(), r.query("uploadId").get(), partNumber, data, Map.of());
        Xml xml = Xml.document("CopyPartResult").element("LastModified", Xml.timestamp(part.lastModified()))
                .element("ETag", part.eTag());
        part.checksums().forEach((alg, v) -> xml.element("Checksum" + alg, v));
        return BucketActions.xmlResponse(xml.end("CopyPartResult"));
    }

    private static int partNumber(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", value);
        }
    }

    HttpResponse completeMultipartUpload(S3Request r) {
        store.bucket(r.bucket());
        Element root = Xml.parse(r.http().body());
        List<CompletedPart> parts = new ArrayList<>();
        for (Element p : Xml.children(root, "Part")) {
            String number = Xml.text(p, "PartNumber").orElseThrow(S3Exception::malformedXml);
            String eTag = Xml.text(p, "ETag").orElseThrow(S3Exception::malformedXml);
            parts.add(new CompletedPart(partNumber(number), eTag));
        }
        StoredObject o = complete(r.bucket(), r.key(), r.query("uploadId").orElse(""), parts);
        String host = Optional.ofNullable(r.header("Host")).orElse("localhost");
        Xml xml = Xml.document("CompleteMultipartUploadResult")
                .element("Location", "http://" + host + "/" + r.bucket() + "/" + r.key())
                .element("Bucket", r.bucket()).element("Key", r.key()).element("ETag", o.eTag());
        o.checksums().forEach((alg, v) -> xml.element("Checksum" + alg, v));
        if (o.checksumType() != null) {
            xml.element("ChecksumType", o.checksumType());
        }
        return BucketActions.xmlResponse(xml.end("CompleteMultipartUploadResult"))
                .header("x-amz-server-side-encryption", "AES256");
    }

    HttpResponse abortMultipartUpload(S3Request r) {
        abort(r.bucket(), r.key(), r.query("uploadId").orElse(""));
        return HttpResponse.status(204);
    }

    HttpResponse listParts(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String uploadId = r.query("uploadId").orElse("");
        MultipartUpload u = upload(b, r.key(), uploadId);
        int maxParts = r.query("max-parts").map(MultipartActions::partNumber).map(n -> Math.min(Math.max(n, 0), 1000))
                .orElse(1000);
        int marker = r.query("part-number-marker").map(MultipartActions::partNumber).orElse(0);
        List<MultipartUpload.Part> page = new ArrayList<>();
        boolean truncated = false;
        for (MultipartUpload.Part p : u.parts.tailMap(marker, false).values()) {
            if (page.size() >= maxParts) {
                truncated = true;
                break;
            }
            page.add(p);
        }
        Xml xml = Xml.document("ListPartsResult").element("Bucket", b.name).element("Key", u.key)
                .element("UploadId", uploadId).element("PartNumberMarker", marker);
        if (!page.isEmpty()) {
            xml.element("NextPartNumberMarker", page.get(page.size() - 1).number());
        }
        xml.element("MaxParts", maxParts).element("IsTruncated", truncated);
        for (MultipartUpload.Part p : page) {
            xml.open("Part").element("PartNumber", p.number()).element("LastModified", Xml.timestamp(p.lastModified()))
                    .element("ETag", p.eTag()).element("Size", p.blob().size());
            p.checksums().forEach((alg, v) -> xml.element("Checksum" + alg, v));
            xml.close("Part");
        }
        owner(xml, "Initiator");
        owner(xml, "Owner");
        xml.element("StorageClass", u.storageClass);
        if (u.checksumAlgorithm != null) {
            xml.element("ChecksumAlgorithm", u.checksumAlgorithm);
        }
        return BucketActions.xmlResponse(xml.end("ListPartsResult"));
    }

    HttpResponse listMultipartUploads(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String prefix = r.query("prefix").orElse("");
        List<MultipartUpload> uploads = new ArrayList<>(b.uploads.values());
        uploads.removeIf(u -> !u.key.startsWith(prefix));
        uploads.sort(Comparator.comparing((MultipartUpload u) -> u.key).thenComparing(u -> u.initiated));
        Xml xml = Xml.document("ListMultipartUploadsResult").element("Bucket", b.name).element("KeyMarker", "")
                .element("UploadIdMarker", "").element("Prefix", prefix).element("MaxUploads", Limits.MAX_KEYS)
                .element("IsTruncated", false);
        for (MultipartUpload u : uploads.subList(0, Math.min(uploads.size(), Limits.MAX_KEYS))) {
            xml.open("Upload").element("Key", u.key).element("UploadId", u.uploadId);
            owner(xml, "Initiator");
            owner(xml, "Owner");
            xml.element("StorageClass", u.storageClass).element("Initiated", Xml.timestamp(u.initiated)).close("Upload");
        }
        return BucketActions.xmlResponse(xml.end("ListMultipartUploadsResult"));
    }

    private static void owner(Xml xml, String element) {
        xml.open(element).element("ID", BucketActions.ownerId()).element("DisplayName", "slipway").close(element);
    }
}
