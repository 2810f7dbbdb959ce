package io.animata.core.playtest.jobs;

/** A job type for tests: squares a number, fails on request. Public with a no-argument constructor for workers. */
public final class SquareJobs implements JobType<SquareJobs.Spec, SquareJobs.Result> {
    /**
     * @param n the number
     * @param fail whether to throw instead
     */
    public record Spec(int n, boolean fail) {
    }

    /** @param square n squared */
    public record Result(long square) {
    }

    /** Made by workers. */
    public SquareJobs() {
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Spec spec) {
        if (spec.fail()) {
            throw new IllegalArgumentException("job " + spec.n() + " was asked to fail");
        }
        return new Result((long) spec.n() * spec.n());
    }
}
