package dev.slipway.deploy.limits;

import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;

/**
 * The region's code storage (75 GB by default, every kept version counting) before a deployment:
 * what the account uses and may use, from GetAccountSettings (AWS's own figures, or the local
 * cloud's, computed from every kept version), plus what this deployment adds: a new version of each
 * versioned function, the size of its artifact (unversioned functions only replace their $LATEST code).
 */
public final class CodeStorage {
    private CodeStorage() {}

    /** An error when the deployment would not fit, a warning from 80 % of the quota on; else nothing. */
    public static List<Problem> check(LambdaClient lambda, Service service) {
        GetAccountSettingsResponse settings = lambda.getAccountSettings();
        long limit = settings.accountLimit().totalCodeSize() == null ? LambdaLimits.CODE_STORAGE_BYTES
                : settings.accountLimit().totalCodeSize();
        long used = settings.accountUsage().totalCodeSize() == null ? 0 : settings.accountUsage().totalCodeSize();
        long adding = 0;
        int versions = 0;
        for (FunctionSpec f : service.functions().values()) {
            // An unversioned function only replaces its $LATEST code: about nothing added.
            if (f.versionFunction() && f.artifact().isPresent() && Files.isRegularFile(f.artifact().get())) {
                adding += size(f.artifact().get());
                versions++;
            }
        }
        long after = used + adding;
        List<Problem> problems = new ArrayList<>();
        String measured = "code storage in " + service.region() + ": " + Sizes.exact(used) + " in use, and this "
                + "deployment adds about " + Sizes.human(adding) + " (" + versions + " new version"
                + (versions == 1 ? "" : "s") + ")";
        String fix = "delete old versions with 'slipway prune --keep 3' (or set custom.slipway.prune.keep), "
                + "or ask AWS for a higher 'Function and layer storage' quota";
        if (after > limit) {
            problems.add(new Problem(Problem.Severity.ERROR, service.configFile(), 0, 0, measured + "; the region "
                    + "allows " + Sizes.exact(limit) + " (GetAccountSettings' AccountLimit.TotalCodeSize)", fix));
        } else if (after >= LambdaLimits.WARNING_SHARE * limit) {
            problems.add(new Problem(Problem.Severity.WARNING, service.configFile(), 0, 0, measured + ": "
                    + Sizes.percent(after, limit) + " of the region's " + Sizes.human(limit), fix));
        }
        return problems;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
