package io.animata.demo.ui;

/**
 * Where the pause menu's entries are on screen, in the window's logical pixels with y up (as drawn; mouse events
 * have y down and are flipped by {@link DemoUi}): a column of equal rows centred on the screen under a heading.
 *
 * <p>Threading: the game thread. Allocates nothing.
 */
public final class MenuLayout {
    private float screenWidth;
    private float screenHeight;
    private float rowHeight;
    private float rowWidth;
    private float headingHeight;
    private int rows;

    /**
     * Lays the menu out for a screen.
     *
     * @param screenWidth the window's width
     * @param screenHeight the window's height
     * @param rows the number of entries
     * @param rowWidth the width of an entry's row
     * @param rowHeight the height of an entry's row
     * @param headingHeight the space above the first row for the heading
     */
    public void update(float screenWidth, float screenHeight, int rows, float rowWidth, float rowHeight,
            float headingHeight) {
        if (rows < 0 || rowWidth <= 0f || rowHeight <= 0f || headingHeight < 0f) {
            throw new IllegalArgumentException("a menu layout needs rows >= 0 and positive sizes, got rows " + rows
                    + ", row " + rowWidth + " x " + rowHeight + ", heading " + headingHeight);
        }
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
        this.rows = rows;
        this.rowWidth = rowWidth;
        this.rowHeight = rowHeight;
        this.headingHeight = headingHeight;
    }

    /** @return the window's height the layout was made for */
    public float screenHeight() {
        return screenHeight;
    }

    /** @return the menu panel's height: heading and rows */
    public float height() {
        return headingHeight + rows * rowHeight;
    }

    /** @return the menu's top edge (y up) */
    public float top() {
        return (screenHeight + height()) / 2f;
    }

    /** @return the rows' left edge */
    public float rowLeft() {
        return (screenWidth - rowWidth) / 2f;
    }

    /** @return the width of a row */
    public float rowWidth() {
        return rowWidth;
    }

    /** @return the height of a row */
    public float rowHeight() {
        return rowHeight;
    }

    /**
     * @param row 0 (top) and down
     * @return the row's bottom edge (y up)
     */
    public float rowBottom(int row) {
        return top() - headingHeight - (row + 1) * rowHeight;
    }

    /**
     * @param x the pointer's x
     * @param y the pointer's y, up from the bottom of the window
     * @return the row under the pointer, or -1
     */
    public int itemAt(float x, float y) {
        if (rows == 0 || x < rowLeft() || x >= rowLeft() + rowWidth) {
            return -1;
        }
        float below = top() - headingHeight - y;
        if (below < 0f) {
            return -1;
        }
        int row = (int) (below / rowHeight);
        return row < rows ? row : -1;
    }
}
