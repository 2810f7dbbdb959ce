package io.animata.core.playtest.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.runtime.AnimataException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs jobs in child JVMs: {@code workers} processes of {@link JobWorker} (by default with this process's Java and
 * classpath), job {@code i} going to worker {@code i % workers}, requests and answers one JSON line each
 * ({@link JobJson}). Results come back in the specs' order, equal to those of a {@link ThreadJobRunner}, because a
 * job is a pure function of its spec. This is the local stand-in for a cluster: a distributed engine would do the
 * same with the same JSON lines.
 *
 * <p>Threading: see {@link JobRunner}. Each run starts its processes and waits for them to exit; {@link #close}
 * destroys any left running.
 */
public final class ProcessJobRunner implements JobRunner {
    private static final int STDERR_KEPT = 4000;
    private final int workers;
    private final List<String> command;
    private final List<Process> running = new ArrayList<>();

    /** @param workers how many child processes, at least 1 */
    public ProcessJobRunner(int workers) {
        this(workers, defaultCommand());
    }

    /**
     * @param workers how many child processes, at least 1
     * @param command the command that starts one worker, reading requests on stdin (see {@link #defaultCommand()})
     */
    public ProcessJobRunner(int workers, List<String> command) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("the worker command is empty");
        }
        this.workers = workers;
        this.command = List.copyOf(command);
    }

    /**
     * @return {@code java -cp <this process's classpath> -XX:+UseSerialGC io.animata.core.playtest.jobs.JobWorker},
     *     with the Java that runs this process
     */
    public static List<String> defaultCommand() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("-XX:+UseSerialGC");
        c.add("-Dai.djl.offline=true");
        c.add(JobWorker.class.getName());
        return c;
    }

    /** @return the number of worker processes */
    public int workers() {
        return workers;
    }

    @Override
    public <S, R> List<R> run(JobType<S, R> type, List<S> specs, IntConsumer progress) {
        int n = specs.size();
        List<R> results = new ArrayList<>(n);
        if (n == 0) {
            return results;
        }
        JsonNode[] answers = new JsonNode[n];
        int count = Math.min(workers, n);
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        Process[] processes = new Process[count];
        StringBuilder[] stderr = new StringBuilder[count];
        try {
            for (int w = 0; w < count; w++) {
                Process p;
                try {
                    p = new ProcessBuilder(command).start();
                } catch (IOException e) {
                    throw new AnimataException("cannot start a job worker process (" + command.get(0) + "): "
                            + e.getMessage(), e);
                }
                processes[w] = p;
                synchronized (running) {
                    running.add(p);
                }
                StringBuilder err = new StringBuilder();
                stderr[w] = err;
                int worker = w;
                threads.add(start("animata-worker-" + w + "-in", () -> feed(p, type, specs, worker, count)));
                threads.add(start("animata-worker-" + w + "-out", () -> collect(p.getInputStream(), answers, done,
                        progress)));
                threads.add(start("animata-worker-" + w + "-err", () -> drain(p.getErrorStream(), err)));
            }
            for (Thread t : threads) {
                t.join();
            }
            for (int w = 0; w < count; w++) {
                if (!processes[w].waitFor(30, TimeUnit.SECONDS)) {
                    processes[w].destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while waiting for job worker processes", e);
        } finally {
            for (Process p : processes) {
                if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                }
                synchronized (running) {
                    running.remove(p);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            JsonNode answer = answers[i];
            int w = i % count;
            if (answer == null) {
                String tail;
                synchronized (stderr[w]) {
                    tail = stderr[w].toString().strip();
                }
                throw new AnimataException("job " + i + " got no answer from worker process " + w + " (exit code "
                        + exitCode(processes[w]) + ")" + (tail.isEmpty() ? "" : "; its stderr ends: " + tail));
            }
            if (answer.has("error")) {
                throw new AnimataException("job " + i + " failed in worker process " + w + ": "
                        + answer.get("error").asText());
            }
            results.add(JobJson.result(answer, type.resultType()));
        }
        return results;
    }

    private static String exitCode(Process p) {
        return p.isAlive() ? "still running" : String.valueOf(p.exitValue());
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static <S> void feed(Process p, JobType<S, ?> type, List<S> specs, int worker, int count) {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
            for (int i = worker; i < specs.size(); i += count) {
                out.write(JobJson.request(type, i, specs.get(i)));
                out.write('\n');
            }
        } catch (IOException e) {
            // the worker died; its missing answers are reported with its stderr
        }
    }

    private static void collect(InputStream in, JsonNode[] answers, AtomicInteger done, IntConsumer progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith(JobJson.RESULT_PREFIX)) {
                    continue;
                }
                JsonNode answer = JobJson.parseAnswer(line);
                int index = answer.path("index").asInt(-1);
                if (index >= 0 && index < answers.length) {
                    answers[index] = answer;
                    int d = done.incrementAndGet();
                    if (progress != null) {
                        progress.accept(d);
                    }
                }
            }
        } catch (IOException | AnimataException e) {
            // the worker died or wrote garbage; its missing answers are reported with its stderr
        }
    }

    private static void drain(InputStream in, StringBuilder kept) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (kept) {
                    kept.append(line).append('\n');
                    if (kept.length() > STDERR_KEPT) {
                        kept.delete(0, kept.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // nothing more to read
        }
    }

    @Override
    public void close() {
        synchronized (running) {
            for (Process p : running) {
                p.destroyForcibly();
            }
            running.clear();
        }
    }
}
