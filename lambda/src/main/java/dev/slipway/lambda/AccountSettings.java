package dev.slipway.lambda;

/**
 * GetAccountSettings, computed from the registry as Lambda reports it: the code storage in use is
 * the sum of the CodeSize of every kept version of every function, $LATEST included (each
 * published version counts, even when its code is the same as another's).
 */
final class AccountSettings {
    private AccountSettings() {}

    static GetAccountSettingsResponse of(FunctionRegistry registry) {
        long total = 0;
        long functions = 0;
        int reserved = 0;
        synchronized (registry) {
            for (FunctionRegistry.Entry e : registry.all()) {
                functions++;
                total += e.latest.codeSize();
                for (FunctionVersion v : e.versions.values()) {
                    total += v.codeSize();
                }
                reserved += e.reservedConcurrency == null ? 0 : e.reservedConcurrency;
            }
        }
        return new GetAccountSettingsResponse(
                new GetAccountSettingsResponse.AccountLimit(Limits.TOTAL_CODE_BYTES, Limits.UNZIPPED_BYTES,
                        Limits.ZIP_UPLOAD_BYTES, Limits.CONCURRENT_EXECUTIONS, Limits.CONCURRENT_EXECUTIONS - reserved),
                new GetAccountSettingsResponse.AccountUsage(total, functions));
    }
}
