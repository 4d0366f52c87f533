package dev.slipway.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One runnable configuration of a function: $LATEST at some revision, or a published version.
 * Immutable; an update makes a new one (and so a new worker pool).
 *
 * @param taskRoot the unpacked code (the worker's working directory)
 * @param layerJars jars of the function's layers ({@code java/lib/*.jar}), in layer order
 * @param layers the layer identifiers as given (ARNs or paths)
 * @param codeZip the stored zip the task root was unpacked from, null for a directory used in place
 */
record FunctionVersion(String name, String arn, String version, Runtime runtime, String handler, String role,
        String description, int memoryMb, int timeoutSeconds, Map<String, String> environment, String codeSha256,
        long codeSize, Path taskRoot, Path codeZip, List<String> layers, List<Path> layerJars, String lastModified,
        String revisionId) {

    String qualifiedArn() {
        return arn + ":" + version;
    }

    String logGroup() {
        return "/aws/lambda/" + name;
    }
}
