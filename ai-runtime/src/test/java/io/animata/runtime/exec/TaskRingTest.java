package io.animata.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRingTest {

    @Test
    void fifoAndBounded() {
        TaskRing ring = new TaskRing(4);
        assertEquals(4, ring.capacity());
        List<WorkerTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WorkerTask t = () -> { };
            tasks.add(t);
            assertTrue(ring.offer(t));
        }
        assertFalse(ring.offer(() -> { }), "full");
        for (int i = 0; i < 4; i++) {
            assertSame(tasks.get(i), ring.poll());
        }
        assertNull(ring.poll());
        // wraps around
        for (int round = 0; round < 10; round++) {
            WorkerTask t = () -> { };
            assertTrue(ring.offer(t));
            assertSame(t, ring.poll());
        }
    }

    @Test
    void manyProducersLoseNothing() throws InterruptedException {
        Worker worker = new Worker("ring-test", 64);
        AtomicInteger ran = new AtomicInteger();
        int producers = 4;
        int each = 20_000;
        CountDownLatch done = new CountDownLatch(producers);
        WorkerTask count = ran::incrementAndGet;
        for (int p = 0; p < producers; p++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (true) {
                        try {
                            worker.submit(count);
                            break;
                        } catch (IllegalStateException full) {
                            Thread.onSpinWait();
                        }
                    }
                }
                done.countDown();
            }).start();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ran.get() < producers * each && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(producers * each, ran.get());
        assertTrue(worker.shutdown(2000));
    }

    @Test
    void tasksStillQueuedAtShutdownAreDiscardedNotLost() throws InterruptedException {
        Worker worker = new Worker("discard-test", 8);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        worker.submit(() -> {
            running.countDown();
            try {
                never.await(); // answers the interrupt that follows the shutdown timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger discarded = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            worker.submit(new WorkerTask() {
                @Override
                public void runOnWorker() {
                    ran.incrementAndGet();
                }

                @Override
                public void onDiscarded() {
                    discarded.incrementAndGet();
                }
            });
        }
        assertTrue(worker.shutdown(100));
        assertEquals(0, ran.get());
        assertEquals(3, discarded.get());
    }

    @Test
    void workerSurvivesAThrowingTask() throws InterruptedException {
        Worker worker = new Worker("throw-test", 8);
        CountDownLatch after = new CountDownLatch(1);
        worker.submit(() -> {
            throw new IllegalStateException("boom");
        });
        worker.submit(after::countDown);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertTrue(worker.shutdown(2000));
        assertFalse(worker.isAlive());
    }
}
