package io.animata.demo;

/**
 * What a run of a demo scene did, for people and for scripts: the command-line tool prints {@link #summary()} and
 * then, as its last line, {@link #resultLine()}.
 *
 * <p>Threading: implementations are immutable.
 */
public interface RunReport {
    /** @return a few lines saying what happened, for a person */
    String summary();

    /** @return {@code RESULT key=value ...}, one line, with {@code frames} first and the frame times last */
    String resultLine();
}
