package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobQueueTest {

    @Test
    void lockstepDeliversAtTheNextFrameOnTheGameThread() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            JobQueue jobs = runtime.jobs();
            List<String> heard = new ArrayList<>();
            Thread game = Thread.currentThread();
            runtime.beginFrame(1);
            jobs.submit("square", () -> {
                Thread.sleep(30);
                return 7 * 7;
            }, job -> heard.add(job.result() + (Thread.currentThread() == game ? " on game" : " elsewhere")));
            assertEquals(1, jobs.pendingCount());
            runtime.endFrame(1);
            assertTrue(heard.isEmpty(), "listeners run in beginFrame, not before");
            runtime.beginFrame(2);
            assertEquals(List.of("49 on game"), heard);
            assertEquals(0, jobs.pendingCount());
            assertEquals(1, jobs.completedCount());
            runtime.endFrame(2);
        }
    }

    @Test
    void realtimeNeverWaitsAndDeliversWhenReady() throws InterruptedException {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            JobQueue jobs = runtime.jobs();
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> heard = new ArrayList<>();
            runtime.beginFrame(1);
            Job<Integer> job = jobs.submit("held", () -> {
                release.await(10, TimeUnit.SECONDS);
                return 5;
            }, j -> heard.add(j.result()));
            runtime.endFrame(1);
            runtime.beginFrame(2);
            runtime.endFrame(2);
            assertTrue(heard.isEmpty(), "the job is still running");
            release.countDown();
            job.await(Duration.ofSeconds(10));
            runtime.beginFrame(3);
            runtime.endFrame(3);
            assertEquals(List.of(5), heard);
        }
    }

    @Test
    void failuresReachTheListenerAsAnimataException() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            List<Job<Object>> heard = new ArrayList<>();
            runtime.beginFrame(1);
            runtime.jobs().submit("broken", () -> {
                throw new IllegalStateException("no such texture");
            }, heard::add);
            runtime.endFrame(1);
            runtime.beginFrame(2);
            assertEquals(1, heard.size());
            assertTrue(heard.get(0).isFailed());
            assertTrue(heard.get(0).error().getMessage().contains("broken"));
            assertTrue(heard.get(0).error().getMessage().contains("no such texture"));
            assertThrows(AnimataException.class, () -> heard.get(0).result());
            assertEquals(1, runtime.jobs().failedCount());
            runtime.endFrame(2);
        }
    }

    @Test
    void cancelledJobsAreNeverHeardOf() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            List<Object> heard = new ArrayList<>();
            int[] runs = {0};
            runtime.beginFrame(1);
            Job<Integer> job = runtime.jobs().submit("dropped", () -> ++runs[0], heard::add);
            job.cancel();
            runtime.endFrame(1);
            runtime.beginFrame(2);
            runtime.endFrame(2);
            runtime.beginFrame(3);
            assertTrue(heard.isEmpty());
            assertEquals(0, runtime.jobs().pendingCount());
            runtime.endFrame(3);
            assertTrue(job.isCancelled());
        }
    }

    @Test
    void runFromAnotherThreadCanBeAwaited() throws Exception {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            JobQueue jobs = runtime.jobs();
            String[] worker = new String[1];
            Thread loader = new Thread(() -> worker[0] = jobs.run("name", () -> Thread.currentThread().getName())
                    .await(Duration.ofSeconds(10)));
            loader.start();
            loader.join(10_000);
            assertTrue(worker[0].endsWith("-jobs"), worker[0]);
            assertEquals(0, jobs.pendingCount(), "run() jobs are not delivered to the game thread");
        }
    }

    @Test
    void jobsRunInOrderOnOneThreadApartFromTheModelWorkers() throws Exception {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build()) {
            List<Integer> order = new ArrayList<>();
            runtime.beginFrame(1);
            for (int i = 0; i < 20; i++) {
                int n = i;
                runtime.jobs().submit("n" + i, () -> {
                    synchronized (order) {
                        order.add(n);
                    }
                    return n;
                }, null);
            }
            runtime.endFrame(1);
            runtime.beginFrame(2);
            runtime.endFrame(2);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i);
            }
            assertEquals(expected, order);
            assertEquals(20, runtime.jobs().completedCount());
        }
    }

    @Test
    void closingTheRuntimeEndsJobsThatWereNotRun() throws Exception {
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME)
                .optShutdownTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch started = new CountDownLatch(1);
        Job<Integer> blocker = runtime.jobs().run("blocker", () -> {
            started.countDown();
            Thread.sleep(200);
            return 1;
        });
        Job<Integer> queued = runtime.jobs().run("queued", () -> 2);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        runtime.close();
        assertTrue(blocker.isDone());
        assertTrue(queued.isDone());
        if (queued.isFailed()) {
            assertTrue(queued.error().getMessage().contains("closed"));
        } else {
            assertEquals(2, queued.result());
        }
        assertThrows(AnimataException.class, runtime::jobs);
    }

    @Test
    void awaitTimesOutWithAClearError() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            CountDownLatch release = new CountDownLatch(1);
            Job<Integer> job = runtime.jobs().run("slow", () -> {
                release.await(10, TimeUnit.SECONDS);
                return 1;
            });
            AnimataException e = assertThrows(AnimataException.class, () -> job.await(Duration.ofMillis(20)));
            assertTrue(e.getMessage().contains("slow"));
            assertNull(job.error());
            release.countDown();
            assertEquals(1, job.await(Duration.ofSeconds(10)));
        }
    }
}
