package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The group commit of persistent mode: a request is answered only after a commit that started after it asked. */
class GroupCommitTest {

    @Test
    void requestsMadeWhileACommitRuns_shareTheNextCommit_andNoneCompletesBeforeIt() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        AtomicInteger commitsStarted = new AtomicInteger();
        AtomicInteger commitsFinished = new AtomicInteger();
        try (GroupCommit group = new GroupCommit("test-commit", () -> {
            if (commitsStarted.incrementAndGet() == 1) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            commitsFinished.incrementAndGet();
        })) {
            CompletableFuture<Void> first = group.request();
            assertThat(firstCommitStarted.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                during.add(group.request());
            }
            // asked after the running commit began: that commit does not cover them
            assertThat(during).noneMatch(CompletableFuture::isDone);
            assertThat(first).isNotDone();
            releaseFirstCommit.countDown();
            first.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : during) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(commitsFinished).hasValue(2);
        }
    }

    @Test
    void aFailedCommit_failsTheRequestsItCovered_andTheNextCommitServesLaterOnes() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        try (GroupCommit group = new GroupCommit("test-commit", () -> {
            if (commits.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        })) {
            CompletableFuture<Void> failed = group.request();
            assertThat(failed).failsWithin(30, TimeUnit.SECONDS);
            group.request().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void close_commitsWhatIsWaiting() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        CompletableFuture<Void> request;
        try (GroupCommit group = new GroupCommit("test-commit", commits::incrementAndGet)) {
            request = group.request();
        }
        assertThat(request).isCompletedWithValue(null);
        assertThat(commits.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRequestAfterClose_failsAtOnce_insteadOfHanging() {
        GroupCommit group = new GroupCommit("test-commit", () -> {});
        group.close();
        assertThat(group.request()).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
