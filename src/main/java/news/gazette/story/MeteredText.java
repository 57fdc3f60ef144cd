package news.gazette.story;

import java.lang.management.ManagementFactory;

/**
 * A story body as flexmark reads it, counting every character read and stopping the render once the count passes a
 * budget.
 *
 * <p>flexmark wraps the {@code CharSequence} it is given ({@code BasedSequence.of} makes a {@code SubSequence} over it)
 * and never copies it: every node's text, every regex match and every scanner reads back through {@link #charAt},
 * during the parse and again during the HTML render. So the count is the work of the quadratic paths (a link opener
 * rescanned to the end of the paragraph for each of thousands of {@code [a](}, entity or backtick runs), and a budget
 * proportional to the length is a bound on work that does not depend on the machine or its load, unlike a clock.
 *
 * <p>Every 4,096 reads it also checks what the rendering thread has allocated, against a second budget proportional
 * to the length: flexmark's segment builder copies its whole array for each segment it adds, work that reads nothing
 * but allocates the square of a block's segments. {@link MarkdownLimits} keeps any one such build small; this stops a
 * body that makes many. Where the JVM cannot tell a thread's allocation, only the read budget applies.
 */
final class MeteredText implements CharSequence {

    /** Thrown from inside flexmark when the budget is spent; {@link Markdown} turns it into the editor's message. */
    static final class BudgetSpent extends RuntimeException {
        final boolean allocation;

        BudgetSpent(boolean allocation) {
            super(allocation ? "Markdown allocation budget spent" : "Markdown read budget spent", null, false, false);
            this.allocation = allocation;
        }
    }

    /**
     * Stories read about 14 characters per character of source. Links are dearer: on JDK 17 every regex match flexmark
     * keeps copies its whole input ({@code Matcher.toMatchResult()} calls {@code toString()}), so each link in a
     * paragraph re-reads the paragraph twice; the base lets a 15 kB paragraph of 300 links through. flexmark reads
     * 160,000 to 350,000 characters a millisecond, depending on what it matches, so spending the whole budget of a
     * 200 kB body takes 70 to 160 ms.
     */
    static final long READS_PER_CHAR = 75;

    static final long READS_BASE = 10_000_000;

    /**
     * Stories allocate 100 to 350 bytes per character of source; small ones more, hence the base. Allocation is
     * what flexmark's time follows once reads are bounded: spending this budget on a 200 kB body takes about 150 ms
     * (a 200 kB table of one-word cells, at 860 bytes per character, is refused; 100 kB of it is not).
     */
    static final long BYTES_PER_CHAR = 600;

    static final long BYTES_BASE = 32L << 20;

    private static final com.sun.management.ThreadMXBean THREADS = allocationMeter();

    private final String text;
    private final long budget;
    private final long allocationBudget;
    private final long allocatedAtStart;
    private long reads;

    /** Meters {@code text} for the calling thread, which must be the thread that renders it. */
    MeteredText(String text) {
        this.text = text;
        this.budget = READS_PER_CHAR * text.length() + READS_BASE;
        this.allocationBudget = BYTES_PER_CHAR * text.length() + BYTES_BASE;
        this.allocatedAtStart = allocated();
    }

    long reads() {
        return reads;
    }

    long budget() {
        return budget;
    }

    /** Bytes the rendering thread has allocated since this was made, or -1 where the JVM cannot tell. */
    long allocatedBytes() {
        return THREADS == null ? -1 : allocated() - allocatedAtStart;
    }

    long allocationBudget() {
        return allocationBudget;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (++reads > budget) {
            throw new BudgetSpent(false);
        }
        if ((reads & 0xFFF) == 0 && allocatedBytes() > allocationBudget) {
            throw new BudgetSpent(true);
        }
        return text.charAt(index);
    }

    // flexmark's SubSequence slices by offsets and never calls these on its base; anything that does copies the
    // characters, so it pays for each of them.
    @Override
    public CharSequence subSequence(int start, int end) {
        spend(end - start);
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        spend(text.length());
        return text;
    }

    private void spend(int characters) {
        reads += characters;
        if (reads > budget) {
            throw new BudgetSpent(false);
        }
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationMeter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled()) {
            return threads;
        }
        return null;
    }
}
