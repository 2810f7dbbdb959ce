package io.animata.desktop;

import io.animata.core.playtest.jobs.JobFiles;
import io.animata.core.playtest.jobs.JobRunner;
import io.animata.core.playtest.jobs.JobType;
import io.animata.core.playtest.jobs.JobWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a command runs its independent jobs (playtest bots, balance matches): on threads, in worker processes, or
 * elsewhere, with the requests written out ({@code --emit-jobs}) and the answers read back ({@code --results}). A
 * picocli mixin shared by the commands that run jobs.
 *
 * <p>Threading: used on the command's thread.
 */
public final class JobRunOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads (default: the machine's cores, at most one per job).")
    Integer threads;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Run the jobs in N child processes instead of threads (the same report) "
                    + "(default: ${DEFAULT-VALUE}, in this process).")
    int workers;

    @Option(names = "--emit-jobs", paramLabel = "FILE",
            description = "Write one job request per job (JSON lines) to FILE and stop, to run them elsewhere with "
                    + "io.animata.core.playtest.jobs.JobWorker.")
    Path emitJobs;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Do not play: read the jobs' answer lines (from JobWorker runs of --emit-jobs) from FILE "
                    + "and write the report from them (the speed figure then measures the merge, not the play).")
    Path results;

    /** @throws ParameterException when --threads or --workers is out of range */
    void validate(CommandLine cmd) {
        if (threads != null && threads < 1) {
            throw new ParameterException(cmd, "--threads must be at least 1, was " + threads);
        }
        if (workers < 0) {
            throw new ParameterException(cmd, "--workers must not be negative, was " + workers);
        }
    }

    /** @return whether the command should only write job requests */
    boolean emitOnly() {
        return emitJobs != null;
    }

    /** @return whether the report comes from answers read from a file instead of play */
    boolean fromResults() {
        return results != null;
    }

    /**
     * Writes the job requests and tells how to answer them; the last line is {@code RESULT jobs=<n>}.
     *
     * @return the exit code, 0
     */
    <S> int emit(JobType<S, ?> type, List<S> jobs, PrintWriter out) {
        JobFiles.writeRequests(emitJobs, type, jobs);
        out.printf(Locale.ROOT, "wrote %d job requests to %s; answer them with%n  java -cp animata.jar %s < %s > "
                + "answers.txt%nthen write the report with the same options and --results answers.txt --out DIR%n",
                jobs.size(), emitJobs, JobWorker.class.getName(), emitJobs);
        out.printf(Locale.ROOT, "RESULT jobs=%d%n", jobs.size());
        out.flush();
        return 0;
    }

    /** @return the answers read from {@code --results}, in job order */
    <R> List<R> readResults(JobType<?, R> type, int count) {
        return JobFiles.readResults(results, type, count);
    }

    /** @return the threads to use for {@code jobs} jobs: --threads, else the cores, at most one per job */
    int threads(int jobs) {
        return threads != null ? threads : Math.max(1, Math.min(jobs, Runtime.getRuntime().availableProcessors()));
    }

    /** @return e.g. "2 threads" or "3 worker processes", for the command's first line */
    String describe(int jobs) {
        return workers > 0 ? workers + " worker processes" : threads(jobs) + " threads";
    }

    /** @return a runner on worker processes (--workers) or threads; close it after use */
    JobRunner newRunner(int jobs) {
        return workers > 0 ? JobRunner.processes(workers) : JobRunner.threads(threads(jobs));
    }
}
