package dev.slipway.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code AWS::S3::Bucket}: BucketName (generated when absent, as CloudFormation does:
 * {@code <stack>-<logicalid>-<random>}, lower-cased) and WebsiteConfiguration; attributes Arn,
 * DomainName, DualStackDomainName, RegionalDomainName and WebsiteURL. Deleting a bucket that
 * still holds objects fails with BucketNotEmpty, as on AWS.
 */
final class BucketProvider implements ResourceProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final S3Service s3;
    private final UnaryOperator<String> websiteUrl;

    BucketProvider(S3Service s3, UnaryOperator<String> websiteUrl) {
        this.s3 = s3;
        this.websiteUrl = websiteUrl;
    }

    @Override
    public String type() {
        return "AWS::S3::Bucket";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("BucketName", "ObjectLockEnabled");
    }

    @Override
    public Result create(Request request) throws Exception {
        String name = request.properties().hasNonNull("BucketName") ? request.properties().get("BucketName").asText()
                : generatedName(request.stackName(), request.logicalId());
        if (s3.bucketExists(name)) {
            throw new ResourceFailure(name + " already exists");
        }
        s3.createBucket(name);
        try {
            applyWebsite(name, request.properties());
        } catch (RuntimeException e) {
            s3.deleteBucket(name);
            throw e;
        }
        return new Result(name, attributes(name, request.region()));
    }

    @Override
    public Result update(Request request) throws Exception {
        String name = request.physicalId().orElseThrow();
        applyWebsite(name, request.properties());
        return new Result(name, attributes(name, request.region()));
    }

    @Override
    public void delete(Request request) {
        Optional<String> name = request.physicalId();
        if (name.isPresent() && s3.bucketExists(name.get())) {
            s3.deleteBucket(name.get());
        }
    }

    private void applyWebsite(String name, ObjectNode properties) {
        JsonNode w = properties.path("WebsiteConfiguration");
        if (!w.isObject()) {
            s3.deleteBucketWebsite(name);
            return;
        }
        JsonNode redirect = w.path("RedirectAllRequestsTo");
        s3.putBucketWebsite(name, new WebsiteConfiguration(text(w, "IndexDocument"), text(w, "ErrorDocument"),
                text(redirect, "HostName"), text(redirect, "Protocol")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private Map<String, JsonNode> attributes(String name, String region) {
        Map<String, JsonNode> a = new LinkedHashMap<>();
        a.put("Arn", TextNode.valueOf("arn:aws:s3:::" + name));
        a.put("DomainName", TextNode.valueOf(name + ".s3.amazonaws.com"));
        a.put("DualStackDomainName", TextNode.valueOf(name + ".s3.dualstack." + region + ".amazonaws.com"));
        a.put("RegionalDomainName", TextNode.valueOf(name + ".s3." + region + ".amazonaws.com"));
        a.put("WebsiteURL", TextNode.valueOf(websiteUrl.apply(name)));
        return a;
    }

    /** CloudFormation's generated physical name: stack and logical id truncated so the whole fits 63 characters. */
    static String generatedName(String stackName, String logicalId) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String stack = clean(stackName);
        String logical = clean(logicalId);
        int room = 63 - suffix.length() - 2;
        if (stack.length() + logical.length() > room) {
            int half = room / 2;
            if (stack.length() > half && logical.length() > room - half) {
                stack = stack.substring(0, half);
                logical = logical.substring(0, room - half);
            } else if (stack.length() > half) {
                stack = stack.substring(0, room - logical.length());
            } else {
                logical = logical.substring(0, room - stack.length());
            }
        }
        String name = (stack + "-" + logical + "-" + suffix).replaceAll("-+", "-");
        return name.startsWith("-") ? "b" + name.substring(1) : name;
    }

    private static String clean(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }
}
