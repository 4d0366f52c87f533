package dev.slipway.deploy.release;

import dev.slipway.deploy.DeployListener;

/**
 * How a release moves traffic from the old versions to the new ones once the stack is updated:
 * {@link #allAtOnce()} here; gradual strategies (canary, linear, with health gates) implement it
 * too and are passed to {@link Release#deploy}.
 */
public interface Shift {
    /** CodeDeploy's name, recorded in the history: {@code AllAtOnce}, {@code Canary10Percent5Minutes}, … */
    String strategy();

    /**
     * True when the stack update must leave every alias on the version it points at now
     * ({@link dev.slipway.service.CompileOptions#withLiveVersions}), because {@link #run} moves
     * the traffic itself; false when the stack update may move the aliases at once.
     */
    boolean holdsAliases();

    /**
     * Moves each change's alias to its new version. Called after the stack update, with the
     * deployment already recorded IN_PROGRESS; the result becomes its outcome. A strategy that
     * gives up returns the aliases to their {@code fromVersion} and answers FAILED with the reason.
     */
    Result run(Deployment deployment, LiveAlias alias, DeployListener listener);

    /** @param outcome SUCCEEDED or FAILED; @param reason why it failed, "" when it did not */
    record Result(Outcome outcome, String reason) {
        public static Result succeeded() {
            return new Result(Outcome.SUCCEEDED, "");
        }
    }

    /**
     * Every alias to its new version in one step. The stack update has usually moved them already;
     * this also releases a version again after a {@code slipway rollback} moved the alias away
     * while the stack kept pointing at it.
     */
    static Shift allAtOnce() {
        return new Shift() {
            @Override
            public String strategy() {
                return Strategy.ALL_AT_ONCE;
            }

            @Override
            public boolean holdsAliases() {
                return false;
            }

            @Override
            public Result run(Deployment deployment, LiveAlias alias, DeployListener listener) {
                for (Change c : deployment.changes()) {
                    boolean there = alias.get(c.functionName()).map(a -> a.isOnly(c.toVersion())).orElse(false);
                    if (!there) {
                        alias.pointAt(c.functionName(), c.toVersion());
                    }
                    listener.phase("Released " + c + " (" + alias.name() + ")");
                }
                return Result.succeeded();
            }
        };
    }
}
