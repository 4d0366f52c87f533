package dev.slipway.deploy.release;

import dev.slipway.deploy.DeployException;
import dev.slipway.deploy.Target;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code slipway rollback}: points release aliases back at earlier versions at once (UpdateAlias,
 * weighted routing cleared) and records it in the history. Nothing is redeployed: the old versions
 * are still published, so requests in flight finish and the next ones run the old code.
 *
 * <ul>
 *   <li>no option: undo the newest deployment that is still in effect (SUCCEEDED, or IN_PROGRESS
 *       while a gradual shift runs; not a rollback): each of its functions goes back to its
 *       {@code fromVersion} with no weighted routing, and it becomes ROLLED_BACK; run again to walk
 *       further back;</li>
 *   <li>{@code deployment}: return to the versions that were live when that deployment finished;
 *       the later deployments become ROLLED_BACK;</li>
 *   <li>{@code toVersion}: one function's alias to that published version.</li>
 * </ul>
 * {@code function} limits any of them to one function (its key in serverless.yml).
 */
public final class Rollback {
    private final Target target;

    public Rollback(Target target) {
        this.target = target;
    }

    /** What to roll back; at most one of toVersion and deploymentId. */
    public record Request(Optional<String> toVersion, Optional<String> deploymentId, Optional<String> function) {}

    /** Switches the aliases and returns the rollback's history entry. */
    public Deployment run(Service service, Request request) {
        if (request.toVersion().isPresent() && request.deploymentId().isPresent()) {
            throw new DeployException("--to and --deployment cannot be used together",
                    "give a version (--to 3, with --function) or a deployment id (--deployment ID), not both");
        }
        Map<String, String> functions = functions(service, request.function());
        try (DeploymentHistory history = DeploymentHistory.forStack(target, service.stackName());
                LambdaClient lambda = target.lambda()) {
            LiveAlias alias = new LiveAlias(lambda, CloudFormationCompiler.aliasName(service));
            List<Deployment> past = history.list();
            Plan plan;
            if (request.toVersion().isPresent()) {
                plan = toVersion(service, functions, request.toVersion().get());
            } else if (request.deploymentId().isPresent()) {
                plan = toDeployment(past, functions, request.deploymentId().get());
            } else {
                plan = undoLatest(service, past, functions);
            }
            List<Change> changes = switches(alias, plan.versions(), functions);
            for (Change c : changes) {
                alias.pointAt(c.functionName(), c.toVersion());
            }
            Deployment done = history.record(service.stage(), Deployment.ROLLBACK, changes, Outcome.SUCCEEDED,
                    plan.reason());
            for (String undone : plan.undone()) {
                history.mark(undone, Outcome.ROLLED_BACK, "rolled back by " + done.id());
            }
            return done;
        }
    }

    /** Where each function goes (function key → version), why, and which deployments that undoes. */
    private record Plan(Map<String, String> versions, String reason, List<String> undone) {}

    private static Map<String, String> functions(Service service, Optional<String> function) {
        Map<String, String> released = CloudFormationCompiler.releasedFunctions(service);
        if (released.isEmpty()) {
            throw new DeployException("No function of " + service.name() + " is released behind an alias, so "
                    + "there is nothing to roll back", "remove versionFunction: false from the functions");
        }
        if (function.isEmpty()) {
            return released;
        }
        // The key in serverless.yml, or the deployed name.
        String given = function.get();
        String key = released.containsKey(given) ? given : released.entrySet().stream()
                .filter(e -> e.getValue().equals(given)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new DeployException("Function " + given + " is not a released function of "
                        + service.name(), "use one of: " + String.join(", ", released.keySet())));
        return Map.of(key, released.get(key));
    }

    private static Plan toVersion(Service service, Map<String, String> functions, String version) {
        if (functions.size() != 1) {
            throw new DeployException("--to " + version + " needs --function: versions are numbered per function, and "
                    + service.name() + " has " + functions.size(),
                    "add --function with one of: " + String.join(", ", functions.keySet()));
        }
        String key = functions.keySet().iterator().next();
        return new Plan(Map.of(key, version), "back to version " + version + " of " + key, List.of());
    }

    private static Plan toDeployment(List<Deployment> past, Map<String, String> functions, String id) {
        int index = indexOf(past, id);
        // The versions live when that deployment finished: replay the history up to it, oldest first.
        Map<String, String> live = new LinkedHashMap<>();
        List<Deployment> oldestFirst = new ArrayList<>(past.subList(index, past.size()));
        Collections.reverse(oldestFirst);
        for (Deployment d : oldestFirst) {
            if (d.outcome() == Outcome.SUCCEEDED || d.outcome() == Outcome.ROLLED_BACK) {
                d.changes().forEach(c -> live.put(c.function(), c.toVersion()));
            }
        }
        live.keySet().retainAll(functions.keySet());
        if (live.isEmpty()) {
            throw new DeployException("Deployment " + id + " released no version of "
                    + String.join(", ", functions.keySet()) + ", so there is nothing to go back to",
                    "pick a deployment that changed something ('slipway deployments' lists them)");
        }
        List<String> undone = past.subList(0, index).stream()
                .filter(d -> d.outcome() == Outcome.SUCCEEDED && !d.isRollback())
                .filter(d -> d.changes().stream().anyMatch(c -> live.containsKey(c.function())
                        && !live.get(c.function()).equals(c.toVersion())))
                .map(Deployment::id).toList();
        return new Plan(live, "back to deployment " + id, undone);
    }

    private static Plan undoLatest(Service service, List<Deployment> past, Map<String, String> functions) {
        for (Deployment d : past) {
            // IN_PROGRESS: a gradual shift still running (or one that died); rolling it back clears its weights.
            boolean inEffect = d.outcome() == Outcome.SUCCEEDED || d.outcome() == Outcome.IN_PROGRESS;
            if (!inEffect || d.isRollback()) {
                continue;
            }
            List<Change> mine = d.changes().stream().filter(c -> functions.containsKey(c.function())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, String> back = new LinkedHashMap<>();
            mine.forEach(c -> c.fromVersion().ifPresent(v -> back.put(c.function(), v)));
            if (back.isEmpty()) {
                throw new DeployException("Nothing to roll back to: deployment " + d.id() + " created "
                        + String.join(", ", mine.stream().map(Change::function).toList())
                        + ", so no earlier version is released", "deploy a fix instead, or use --to VERSION");
            }
            return new Plan(back, "rollback of deployment " + d.id(), List.of(d.id()));
        }
        throw new DeployException("Nothing to roll back to: no successful deployment of " + service.name()
                + " (stage " + service.stage() + ") is in effect", "'slipway deployments' shows the history; "
                + "--to VERSION --function NAME switches to any published version");
    }

    /** Checks every target before switching anything: each version exists, and something moves. */
    private static List<Change> switches(LiveAlias alias, Map<String, String> versions, Map<String, String> functions) {
        List<Change> changes = new ArrayList<>();
        List<String> already = new ArrayList<>();
        versions.forEach((key, version) -> {
            String name = functions.get(key);
            if ("$LATEST".equals(version) || !alias.hasVersion(name, version)) {
                List<String> published = alias.publishedVersions(name);
                throw new DeployException("Function " + key + " has no published version " + version,
                        published.isEmpty() ? "deploy the service first"
                                : "its versions are " + String.join(", ", published)
                                        + " ('slipway deployments' shows what each deployment released)");
            }
            var current = alias.get(name).orElseThrow(() -> new DeployException("Function " + key + " has no alias "
                    + alias.name(), "deploy the service with 'slipway deploy' to create it"));
            if (current.isOnly(version)) {
                already.add(key + " is already on version " + version);
            } else {
                changes.add(new Change(key, name, Optional.of(current.version()), version));
            }
        });
        if (changes.isEmpty()) {
            throw new DeployException("Nothing to roll back: " + String.join("; ", already) + " behind "
                    + alias.name(), "pick another version with --to VERSION or --deployment ID "
                    + "('slipway deployments' lists them)");
        }
        return changes;
    }

    private static int indexOf(List<Deployment> past, String id) {
        for (int i = 0; i < past.size(); i++) {
            if (past.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new DeployException("No deployment " + id + " in the history",
                "copy an id from 'slipway deployments'");
    }
}
