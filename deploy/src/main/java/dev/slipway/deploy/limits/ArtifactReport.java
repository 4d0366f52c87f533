package dev.slipway.deploy.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What an artifact is made of, for {@code slipway package --report}: its size against Lambda's
 * limits, the size by dependency (each {@code lib/*.jar} by its Maven coordinates; the classes of a
 * shaded jar by top-level package), the largest files, and suggestions of what could go. The
 * suggestions are hints to check: Slipway cannot see what code loads by reflection.
 */
public final class ArtifactReport {
    private static final Pattern NESTED_JAR = Pattern.compile("(?:lib|BOOT-INF/lib|WEB-INF/lib)/([^/]+\\.jar)");
    private static final Pattern AWS_SERVICE = Pattern.compile("software/amazon/awssdk/services/([^/]+)/.*");
    private static final Pattern SERVICE_REFERENCE = Pattern.compile("software[/.]amazon[/.]awssdk[/.]services[/.]([a-z0-9]+)[/.]");
    private static final Pattern TEST_LIBRARY = Pattern.compile(
            "(?i).*(junit|mockito|assertj|hamcrest|testcontainers|jupiter|opentest4j|-tests\\.jar|-test-jar).*");
    private static final Map<String, String> HTTP_CLIENTS = Map.of(
            "software/amazon/awssdk/http/apache/", "apache-client",
            "software/amazon/awssdk/http/nio/netty/", "netty-nio-client",
            "software/amazon/awssdk/http/urlconnection/", "url-connection-client",
            "software/amazon/awssdk/http/crt/", "aws-crt-client");
    private static final int MAX_GROUPS = 20;
    private static final int MAX_FILES = 10;

    /** A dependency or package and the unzipped bytes it takes. */
    public record Group(String name, long bytes, int files) {}

    /** One file in the artifact (a nested jar counts as one). */
    public record Entry(String path, long bytes) {}

    private final Path artifact;
    private final long zipped;
    private final long unzipped;
    private final List<Group> groups;
    private final List<Entry> largest;
    private final List<String> suggestions;
    private final List<String> shaded;

    private ArtifactReport(Path artifact, long zipped, long unzipped, List<Group> groups, List<Entry> largest,
            List<String> suggestions, List<String> shaded) {
        this.artifact = artifact;
        this.zipped = zipped;
        this.unzipped = unzipped;
        this.groups = groups;
        this.largest = largest;
        this.suggestions = suggestions;
        this.shaded = shaded;
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Entry> largest() {
        return largest;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    /** Reads the artifact (a jar or zip); nothing is extracted to disk. */
    public static ArtifactReport of(Path artifact) throws IOException {
        Map<String, long[]> groups = new HashMap<>();
        List<Entry> files = new ArrayList<>();
        Map<String, List<String>> classHomes = new HashMap<>();
        Map<String, Long> awsServices = new TreeMap<>();
        Set<String> referencedServices = new TreeSet<>();
        Set<String> httpClients = new TreeSet<>();
        long total = 0;
        long testBytes = 0;
        Set<String> testNames = new TreeSet<>();
        long nativeBytes = 0;
        long sourceBytes = 0;
        Set<String> shaded = new TreeSet<>();
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                long size = Math.max(0, e.getSize());
                total += size;
                files.add(new Entry(e.getName(), size));
                Matcher nested = NESTED_JAR.matcher(e.getName());
                if (nested.matches()) {
                    byte[] jar;
                    try (InputStream in = zip.getInputStream(e)) {
                        jar = in.readAllBytes();
                    }
                    String name = nestedJar(jar, nested.group(1), classHomes, awsServices, httpClients, referencedServices);
                    add(groups, name, size, 1);
                    if (TEST_LIBRARY.matcher(name).matches() || TEST_LIBRARY.matcher(nested.group(1)).matches()) {
                        testBytes += size;
                        testNames.add(name);
                    }
                    continue;
                }
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(in);
                    }
                    if (p.getProperty("artifactId") != null) {
                        shaded.add(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version"));
                    }
                }
                String group = packageGroup(e.getName());
                add(groups, group, size, 1);
                if (TEST_LIBRARY.matcher(group).matches()) {
                    testBytes += size;
                    testNames.add(group);
                }
                if (e.getName().matches("(?i).*\\.(dll|dylib|jnilib)")) {
                    nativeBytes += size;
                }
                if (e.getName().matches("(?i).*\\.(java|md|html)") || e.getName().endsWith("-sources.jar")) {
                    sourceBytes += size;
                }
                if (e.getName().endsWith(".class")) {
                    classHomes.computeIfAbsent(e.getName(), k -> new ArrayList<>()).add(artifact.getFileName().toString());
                    classFacts(e.getName(), size, awsServices, httpClients);
                    if (!e.getName().startsWith("software/amazon/awssdk/")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            servicesNamed(in.readAllBytes(), referencedServices);
                        }
                    }
                }
            }
        }
        List<String> suggestions = new ArrayList<>();
        if (!testNames.isEmpty()) {
            suggestions.add("test libraries seem to be bundled (" + String.join(", ", testNames) + "; "
                    + Sizes.human(testBytes) + "): if the function does not use them at run time, give them "
                    + "<scope>test</scope> in the pom");
        }
        List<String> duplicates = classHomes.entrySet().stream().filter(x -> x.getValue().size() > 1)
                .map(x -> x.getKey() + " (in " + String.join(", ", x.getValue()) + ")").sorted().toList();
        if (!duplicates.isEmpty()) {
            suggestions.add(duplicates.size() + " class" + (duplicates.size() == 1 ? " is" : "es are")
                    + " bundled more than once, e.g. " + duplicates.get(0) + ": only one copy is loaded; "
                    + "exclude the duplicate dependency (mvn dependency:tree shows where each comes from)");
        }
        for (String service : awsServices.keySet()) {
            if (!referencedServices.contains(service) && !Set.of("sts", "sso", "ssooidc").contains(service)) {
                suggestions.add("software.amazon.awssdk:" + service + " (" + Sizes.human(awsServices.get(service))
                        + ") is bundled, but no class outside the AWS SDK names it: if your code does not call "
                        + service + ", exclude that module");
            }
        }
        if (httpClients.size() > 1) {
            suggestions.add(httpClients.size() + " AWS SDK HTTP clients are bundled (" + String.join(", ", httpClients)
                    + "): synchronous SDK clients need one and asynchronous ones one; consider excluding the others "
                    + "(url-connection-client is the smallest for synchronous clients)");
        }
        if (nativeBytes > 0) {
            suggestions.add(Sizes.human(nativeBytes) + " of native libraries for Windows or macOS (.dll, .dylib, "
                    + ".jnilib), which Lambda (Linux) never loads: leave them out with the shade plugin's filters");
        }
        if (sourceBytes > 0) {
            suggestions.add(Sizes.human(sourceBytes) + " of sources or documentation (.java, .md, .html): "
                    + "not needed at run time");
        }
        List<Group> sorted = groups.entrySet().stream()
                .map(x -> new Group(x.getKey(), x.getValue()[0], (int) x.getValue()[1]))
                .sorted(Comparator.comparingLong(Group::bytes).reversed().thenComparing(Group::name)).toList();
        List<Entry> largest = files.stream().sorted(Comparator.comparingLong(Entry::bytes).reversed()
                .thenComparing(Entry::path)).limit(MAX_FILES).toList();
        return new ArtifactReport(artifact, Files.size(artifact), total, sorted, largest, List.copyOf(suggestions),
                List.copyOf(shaded));
    }

    /** The report as printed, one line each. */
    public List<String> lines(Path relativeTo) {
        List<String> out = new ArrayList<>();
        String name = artifact.startsWith(relativeTo) ? relativeTo.relativize(artifact).toString() : artifact.toString();
        out.add("Artifact " + name + ": " + Sizes.exact(zipped) + " zipped ("
                + Sizes.percent(zipped, LambdaLimits.ZIPPED_DIRECT_UPLOAD_BYTES) + " of the 50 MB direct-upload limit; "
                + "slipway deploy uploads through S3), " + Sizes.exact(unzipped) + " unzipped ("
                + Sizes.percent(unzipped, LambdaLimits.UNZIPPED_BYTES) + " of the 250 MB limit, before layers)");
        out.add("Size by dependency (unzipped):");
        for (Group g : groups.subList(0, Math.min(MAX_GROUPS, groups.size()))) {
            out.add(String.format(Locale.ROOT, "  %9s %4s  %s (%d file%s)", Sizes.human(g.bytes()),
                    unzipped == 0 ? "" : Sizes.percent(g.bytes(), unzipped), g.name(), g.files(), g.files() == 1 ? "" : "s"));
        }
        if (groups.size() > MAX_GROUPS) {
            long rest = groups.subList(MAX_GROUPS, groups.size()).stream().mapToLong(Group::bytes).sum();
            out.add(String.format(Locale.ROOT, "  %9s       … %d more", Sizes.human(rest), groups.size() - MAX_GROUPS));
        }
        if (!shaded.isEmpty()) {
            out.add("Maven artifacts shaded in (their pom.properties under META-INF/maven; their classes are counted "
                    + "by package above): " + String.join(", ", shaded));
        }
        out.add("Largest files:");
        largest.forEach(e -> out.add(String.format(Locale.ROOT, "  %9s  %s", Sizes.human(e.bytes()), e.path())));
        if (suggestions.isEmpty()) {
            out.add("Suggestions: none found (no test libraries, duplicate classes, unused AWS SDK modules, extra "
                    + "HTTP clients, foreign native libraries or sources)");
        } else {
            out.add("Suggestions (to check: Slipway cannot see what is loaded by reflection):");
            suggestions.forEach(s -> out.add("  - " + s));
        }
        return out;
    }

    /** A lib/*.jar: its name by Maven coordinates when its pom.properties says them; its classes noted. */
    private static String nestedJar(byte[] jar, String fileName, Map<String, List<String>> classHomes,
            Map<String, Long> awsServices, Set<String> httpClients, Set<String> referencedServices) throws IOException {
        String coordinates = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String n = e.getName();
                if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties") && coordinates == null) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(in.readAllBytes()));
                    if (p.getProperty("groupId") != null) {
                        coordinates = p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":"
                                + p.getProperty("version");
                    }
                } else if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
                    classHomes.computeIfAbsent(n, k -> new ArrayList<>()).add(fileName);
                    byte[] bytes = in.readAllBytes();
                    classFacts(n, bytes.length, awsServices, httpClients);
                    if (!n.startsWith("software/amazon/awssdk/")) {
                        servicesNamed(bytes, referencedServices);
                    }
                }
            }
        }
        return coordinates != null ? coordinates + " (lib/" + fileName + ")" : "lib/" + fileName;
    }

    private static void classFacts(String name, long size, Map<String, Long> awsServices, Set<String> httpClients) {
        Matcher m = AWS_SERVICE.matcher(name);
        if (m.matches()) {
            awsServices.merge(m.group(1), size, Long::sum);
        }
        HTTP_CLIENTS.forEach((prefix, client) -> {
            if (name.startsWith(prefix)) {
                httpClients.add(client);
            }
        });
    }

    /**
     * The AWS SDK by module (software.amazon.awssdk.services.X, software.amazon.awssdk.http.X,
     * software.amazon.awssdk.X); everything else by its first three package levels.
     */
    static String packageGroup(String entry) {
        int slash = entry.lastIndexOf('/');
        if (slash < 0) {
            return "(top level)";
        }
        String[] dirs = entry.substring(0, slash).split("/");
        if (dirs[0].equals("META-INF")) {
            return "META-INF (manifests, licences, service files)";
        }
        int depth = 3;
        if (dirs.length >= 3 && dirs[0].equals("software") && dirs[1].equals("amazon") && dirs[2].equals("awssdk")) {
            depth = dirs.length >= 4 && (dirs[3].equals("services") || dirs[3].equals("http")) ? 5 : 4;
        }
        return String.join(".", java.util.Arrays.copyOf(dirs, Math.min(depth, dirs.length)));
    }

    private static void add(Map<String, long[]> groups, String name, long bytes, int files) {
        long[] g = groups.computeIfAbsent(name, k -> new long[2]);
        g[0] += bytes;
        g[1] += files;
    }

    /**
     * The AWS SDK service modules a class names in its constant pool, as
     * {@code software/amazon/awssdk/services/NAME/} (types) or {@code software.amazon.awssdk.services.NAME.}
     * (strings, such as class names loaded by reflection).
     */
    private static void servicesNamed(byte[] classFile, Set<String> into) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        Matcher m = SERVICE_REFERENCE.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

}
