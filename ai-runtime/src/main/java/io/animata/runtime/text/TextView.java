package io.animata.runtime.text;

/**
 * A reusable window onto part of a character buffer, handed to {@link TextSink}s and text listeners so that
 * streaming text to them allocates nothing. Valid only during the call it is passed to: the buffer behind it is
 * reused afterwards. {@link #toString()} copies.
 *
 * <p>Threading: owned by one thread at a time, like the buffer it views.
 */
public final class TextView implements CharSequence {
    private CharSequence source = "";
    private int start;
    private int end;

    /**
     * Points the view at {@code source[start, end)}.
     *
     * @return this view
     */
    public TextView set(CharSequence source, int start, int end) {
        if (start < 0 || end < start || end > source.length()) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + source.length() + " chars");
        }
        this.source = source;
        this.start = start;
        this.end = end;
        return this;
    }

    /** Drops the reference to the buffer. */
    public void clear() {
        source = "";
        start = 0;
        end = 0;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= end - start) {
            throw new IndexOutOfBoundsException("index " + index + " of " + (end - start) + " chars");
        }
        return source.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to < from || to > end - start) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + (end - start) + " chars");
        }
        return source.subSequence(start + from, start + to);
    }

    @Override
    public String toString() {
        return source.subSequence(start, end).toString();
    }
}
