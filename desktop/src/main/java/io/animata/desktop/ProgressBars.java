package io.animata.desktop;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress bars of the commands: drawn on one line of the command's error stream, ended with a new line. */
final class ProgressBars {

    private ProgressBars() {
    }

    /**
     * @param err the command's error stream (picocli's, so tests can capture it)
     * @param task the bar's label
     * @param max the count that means done
     * @return a builder drawing on {@code err}; set the unit, style and update interval on it, then build
     */
    static ProgressBarBuilder on(PrintWriter err, String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, 100) {
                    @Override
                    public void close() {
                        err.println();
                        err.flush();
                    }
                });
    }
}
