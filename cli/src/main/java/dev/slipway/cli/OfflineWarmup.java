package dev.slipway.cli;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Trace;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Naming;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code slipway offline} starts one worker for each function with an HTTP event before the first
 * request, on the version its events invoke (the release alias, else $LATEST), so that request does
 * not wait for a cold start. On the first deploy a function's worker starts as soon as the stack
 * has created what its events invoke (its alias), while the rest of the stack, the site upload and
 * the server start go on; after a redeploy (hot reload), once the deploy is done.
 *
 * <p>One worker starts at a time, in the order the service declares the functions: a JVM's start
 * takes a core, and on a small machine two starting together each take longer than one after the
 * other, so the first function is warm soonest. Functions without HTTP events (schedules) start on
 * first use. Nothing here fails the deploy: a worker whose init fails is reported, and the first
 * request starts another and shows why.
 */
final class OfflineWarmup {
    /** A function to warm: its key, its deployed name, the qualifier its events invoke, and the resource that makes it exist. */
    private record Function(String key, String name, Optional<String> qualifier, String createdBy) {}

    private final LocalCloud cloud;
    private final PrintWriter out;
    private final List<Function> functions = new ArrayList<>();
    private final Set<String> created = new HashSet<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int next;
    private boolean busy;
    private boolean deployed;
    private boolean stopped;

    OfflineWarmup(Service svc, LocalCloud cloud, PrintWriter out) {
        this.cloud = cloud;
        this.out = out;
        Map<String, String> released = CloudFormationCompiler.releasedFunctions(svc);
        String alias = CloudFormationCompiler.aliasName(svc);
        for (FunctionSpec f : svc.functions().values()) {
            if (f.httpEvents().isEmpty() && f.httpApiEvents().isEmpty()) {
                continue;
            }
            boolean aliased = released.containsKey(f.key());
            functions.add(new Function(f.key(), f.deployedName(), aliased ? Optional.of(alias) : Optional.empty(),
                    aliased ? Naming.lambdaAlias(f.key()) : Naming.lambdaFunction(f.key())));
        }
    }

    /** {@code delegate}, also telling this warm-up which resources the stack has created. */
    DeployListener following(DeployListener delegate) {
        return new DeployListener() {
            @Override
            public void phase(String description) {
                delegate.phase(description);
            }

            @Override
            public boolean needsPromptEvents() {
                return true; // a worker starts when its function's alias exists
            }

            @Override
            public void stackEvent(String logicalId, String resourceType, String status, String reason) {
                delegate.stackEvent(logicalId, resourceType, status, reason);
                if ("CREATE_COMPLETE".equals(status)) {
                    created(logicalId);
                }
            }
        };
    }

    private synchronized void created(String logicalId) {
        created.add(logicalId);
        advance();
    }

    /** The deploy is done: every function exists, so the workers not started yet start now, one at a time. */
    synchronized void deployed() {
        deployed = true;
        advance();
    }

    /** Completes when each function's worker is ready or has failed (or the warm-up was stopped). */
    CompletableFuture<Void> done() {
        return done;
    }

    /** No more workers start, and nothing more is printed (the session is closing, or the deploy failed). */
    synchronized void stop() {
        stopped = true;
        done.complete(null);
    }

    /** Starts the next function's worker when none is starting and that function exists. */
    private synchronized void advance() {
        while (!busy && !stopped && next < functions.size()) {
            Function f = functions.get(next);
            if (!deployed && !created.contains(f.createdBy())) {
                return;
            }
            next++;
            CompletableFuture<OptionalDouble> ready;
            try {
                ready = cloud.lambda().prewarm(f.name(), f.qualifier());
            } catch (RuntimeException e) {
                report(f, null, e);
                continue;
            }
            if (ready.isDone()) {
                // nothing had to start (a worker was there already), or it could not
                try {
                    report(f, ready.join(), null);
                } catch (CompletionException e) {
                    report(f, null, e);
                }
                continue;
            }
            busy = true;
            ready.whenComplete((init, error) -> {
                synchronized (this) {
                    busy = false;
                    report(f, init, error);
                    advance();
                }
            });
            return;
        }
        if (next == functions.size() && !busy) {
            done.complete(null);
        }
    }

    private void report(Function f, OptionalDouble init, Throwable error) {
        if (stopped) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            out.println("Could not warm up " + f.key() + ": " + cause.getMessage() + " (its first request starts a "
                    + "worker and shows why)");
            out.flush();
        } else if (init != null && init.isPresent()) {
            Trace.mark("offline: " + f.key() + " warm (init " + Math.round(init.getAsDouble()) + " ms)");
        }
    }
}
