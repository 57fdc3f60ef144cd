package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import news.gazette.story.MarkdownTooComplexException.Reason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-style checks that no body of the allowed size can make a render fail with anything but
 * {@link MarkdownTooComplexException}, or cost more work than its budget. Work is asserted as counts (characters read
 * and bytes allocated), never as time: times depend on the machine and its load.
 */
class MarkdownBoundsTest {

    /**
     * One segment build can allocate this much between two of MeteredText's allocation checks (4 bytes times the
     * square of the most segments MarkdownLimits lets through); the rest of a render stays within the budget.
     */
    private static final long ONE_BUILD = 4L * MarkdownLimits.MAX_SEGMENT_SOURCES * MarkdownLimits.MAX_SEGMENT_SOURCES;

    private static final int[] SIZES = {2_000, 20_000, PathologicalMarkdown.MAX_BODY};

    private final Markdown markdown = new Markdown();

    @TestFactory
    Stream<DynamicTest> every_pathological_shape_renders_safely_or_is_refused_within_budget() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String shape : PathologicalMarkdown.SHAPES.keySet()) {
            for (int size : SIZES) {
                String body = PathologicalMarkdown.of(shape, size);
                tests.add(dynamicTest(shape + " at " + body.length(), () -> assertBoundedOutcome(body)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> random_mixes_of_markup_up_to_the_body_limit_render_safely_or_are_refused_within_budget() {
        Random random = new Random(20_240_601);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Log-uniform sizes from 10 characters to the limit, so small and large bodies are equally tried.
            int size = (int) Math.round(
                    Math.pow(10, 1 + random.nextDouble() * Math.log10(PathologicalMarkdown.MAX_BODY / 10.0)));
            String body = PathologicalMarkdown.randomMix(new Random(random.nextLong()), size);
            tests.add(dynamicTest("mix " + i + " of " + body.length(), () -> assertBoundedOutcome(body)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> random_inline_markup_up_to_the_body_limit_renders_safely_or_is_refused_within_budget() {
        Random random = new Random(1_999);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int size = (int) Math.round(
                    Math.pow(10, 2 + random.nextDouble() * Math.log10(PathologicalMarkdown.MAX_BODY / 100.0)));
            String body = PathologicalMarkdown.randomInlineMix(new Random(random.nextLong()), size);
            tests.add(dynamicTest("inline mix " + i + " of " + body.length(), () -> assertBoundedOutcome(body)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> random_mixes_of_pathological_shapes_render_safely_or_are_refused_within_budget() {
        Random random = new Random(7);
        List<String> shapes = new ArrayList<>(PathologicalMarkdown.SHAPES.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StringBuilder body = new StringBuilder();
            int size = 1_000 + random.nextInt(PathologicalMarkdown.MAX_BODY - 1_000);
            while (body.length() < size) {
                String shape = shapes.get(random.nextInt(shapes.size()));
                body.append(PathologicalMarkdown.of(shape, 50 + random.nextInt(5_000)))
                        .append(random.nextBoolean() ? "\n\n" : "\n");
            }
            String text = body.substring(0, Math.min(body.length(), PathologicalMarkdown.MAX_BODY));
            tests.add(dynamicTest("shapes " + i + " of " + text.length(), () -> assertBoundedOutcome(text)));
        }
        return tests.stream();
    }

    @Test
    void a_thousand_quote_markers_are_refused_as_too_deep_instead_of_overflowing_the_stack() {
        assertRefused(">".repeat(1_000), Reason.NESTING);
    }

    @Test
    void quote_and_list_markers_600_times_are_refused_as_too_deep_instead_of_overflowing_the_stack() {
        assertRefused("> - ".repeat(600), Reason.NESTING);
    }

    @Test
    void forty_five_thousand_link_openers_are_refused_within_the_read_budget() {
        MarkdownTooComplexException refused = assertRefused("[a](".repeat(45_000), Reason.TANGLED_MARKUP);
        assertThat(refused.reads()).isLessThanOrEqualTo(readBudget(180_000) + 1);
    }

    @Test
    void a_paragraph_of_300_links_renders_though_each_link_rereads_the_paragraph() {
        Markdown.Rendering rendering = markdown.renderMeasured("see [x](https://example.org/a) and ".repeat(300));
        assertThat(rendering.reads()).isGreaterThan(100L * 300 * 35).isLessThanOrEqualTo(rendering.readBudget());
    }

    @Test
    void more_links_than_the_limit_are_refused_before_jsoup_resolves_them() {
        assertRefused("a@b.c ".repeat(Markdown.MAX_LINKS + 1), Reason.TOO_MANY_PIECES);
        assertThat(markdown.render("a@b.c ".repeat(Markdown.MAX_LINKS)).html())
                .contains("<a href=\"mailto:a@b.c\">a@b.c</a>");
    }

    @Test
    void a_callers_small_stack_does_not_matter_because_flexmark_runs_on_its_own() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        markdown.render("x <!--" + "a".repeat(20_000) + "--> y");
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                128 * 1024);
        small.start();
        small.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void long_legitimate_stories_render_well_inside_every_budget() {
        for (String body : List.of(
                PathologicalMarkdown.realisticStory(PathologicalMarkdown.MAX_BODY),
                PathologicalMarkdown.repeat(PathologicalMarkdown.launchStory() + "\n\n", PathologicalMarkdown.MAX_BODY),
                PathologicalMarkdown.repeat("- An item with [a link](/x), *emphasis* and a few more words\n", 100_000),
                "| Name | A | B | Source |\n|---|--:|--:|---|\n"
                        + PathologicalMarkdown.repeat(
                                "| Name | 12 | **34** | [source](https://example.org/s) |\n", 100_000))) {
            Markdown.Rendering rendering = markdown.renderMeasured(body);
            assertThat(rendering.reads()).isLessThan(rendering.readBudget() / 3);
            if (rendering.allocatedBytes() >= 0) {
                assertThat(rendering.allocatedBytes()).isLessThan(rendering.allocationBudget() / 2);
            }
        }
    }

    @Test
    void refusals_speak_to_the_editor_in_plain_words() {
        assertThatThrownBy(() -> markdown.render(">".repeat(40)))
                .hasMessageStartingWith("The body nests quotes or lists more than 32 levels deep (on line 1)");
        assertThatThrownBy(() -> markdown.render("[a](".repeat(45_000)))
                .hasMessageStartingWith("The body is too complex to format:");
        assertThatThrownBy(() -> markdown.render("> a\n".repeat(13_000)))
                .hasMessageStartingWith("The body is too long to format: it has 13,000 indented or quoted lines");
    }

    private MarkdownTooComplexException assertRefused(String body, Reason reason) {
        try {
            markdown.render(body);
        } catch (MarkdownTooComplexException refused) {
            assertThat(refused.reason()).isEqualTo(reason);
            return refused;
        }
        return fail("rendered a body that should have been refused");
    }

    private void assertBoundedOutcome(String body) {
        Markdown.Rendering rendering;
        try {
            rendering = markdown.renderMeasured(body);
        } catch (MarkdownTooComplexException refused) {
            assertThat(refused.getMessage()).startsWith("The body ");
            if (refused.reads() >= 0) {
                assertThat(refused.reads()).isLessThanOrEqualTo(readBudget(body.length()) + 1);
            }
            if (refused.allocatedBytes() >= 0) {
                assertThat(refused.allocatedBytes()).isLessThanOrEqualTo(allocationBudget(body.length()) + ONE_BUILD);
            }
            return;
        }
        if (body.isBlank()) {
            assertThat(rendering.html().isEmptyContent()).isTrue();
            return;
        }
        assertThat(rendering.readBudget()).isEqualTo(readBudget(body.length()));
        assertThat(rendering.reads()).isLessThanOrEqualTo(rendering.readBudget());
        if (rendering.allocatedBytes() >= 0) {
            assertThat(rendering.allocatedBytes()).isLessThanOrEqualTo(allocationBudget(body.length()) + ONE_BUILD);
        }
        assertSanitised(rendering.html().html());
    }

    private static void assertSanitised(String html) {
        assertThat(html).doesNotContainIgnoringCase("<script");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, iframe, svg, object, embed, style")).isEmpty();
        for (Element element : doc.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getValue().toLowerCase().replaceAll("\\s", ""))
                        .doesNotContain("javascript:");
            });
        }
    }

    /** The budgets as MeteredText states them: linear in the body's length. */
    private static long readBudget(int length) {
        return MeteredText.READS_PER_CHAR * length + MeteredText.READS_BASE;
    }

    private static long allocationBudget(int length) {
        return MeteredText.BYTES_PER_CHAR * length + MeteredText.BYTES_BASE;
    }
}
