package dev.slipway.cloud;

import dev.slipway.protocol.SigV4;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.CloudService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Picks the service for a request the way AWS endpoints are chosen: by {@code X-Amz-Target}
 * prefix (JSON protocols), else by the SigV4 credential scope's service name, else by a service
 * that claims the unsigned request (S3 website, API Gateway execute-api URLs). Blocking service
 * handlers run on the worker pool; async ones are called directly.
 */
final class ServiceDispatcher implements EdgeHandler {
    private final List<CloudService> services;
    private final Map<String, CloudService> byTargetPrefix = new HashMap<>();
    private final Map<String, CloudService> bySigningName = new HashMap<>();
    private final Executor blockingPool;

    ServiceDispatcher(List<CloudService> services, Executor blockingPool) {
        this.services = services;
        this.blockingPool = blockingPool;
        for (CloudService s : services) {
            s.targetPrefixes().forEach(p -> byTargetPrefix.put(p, s));
            s.signingNames().forEach(n -> bySigningName.put(n, s));
        }
    }

    @Override
    public String name() {
        return "service-dispatch";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request, Chain next) {
        Optional<CloudService> service = route(request);
        if (service.isEmpty()) {
            return next.proceed(request);
        }
        HttpHandler handler = service.get().handler();
        if (handler.isAsync()) {
            return handler.handleAsync(request);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return handler.handle(request);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, blockingPool);
    }

    Optional<CloudService> route(HttpRequest request) {
        String target = request.headers().get("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            CloudService s = byTargetPrefix.get(dot < 0 ? target : target.substring(0, dot));
            if (s != null) {
                return Optional.of(s);
            }
        }
        Optional<SigV4.CredentialScope> scope = SigV4.scope(request);
        if (scope.isPresent()) {
            CloudService s = bySigningName.get(scope.get().service());
            if (s != null) {
                return Optional.of(s);
            }
        }
        for (CloudService s : services) {
            if (s.claimsUnsigned(request)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
