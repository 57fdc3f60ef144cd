package news.gazette.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/** Bodies that have made Markdown renderers slow or crash, by name, each built to about a given length. */
final class PathologicalMarkdown {

    /** The body limit, StoryForm.MAX_BODY. */
    static final int MAX_BODY = 200_000;

    static final Map<String, IntFunction<String>> SHAPES = new LinkedHashMap<>();

    static {
        shape("deep > quotes", n -> ">".repeat(n));
        shape("> - mixes", n -> repeat("> - ", n));
        shape("- - - lists on one line", n -> repeat("- ", n));
        shape("1. 1. lists on one line", n -> repeat("1. ", n));
        shape("lists nested by indentation", PathologicalMarkdown::indentLadder);
        shape("tabs between markers", n -> repeat(">\t-\t", n));
        shape("emphasis *a **b ***", n -> repeat("*a **b ***", n));
        shape("run of *", n -> "*".repeat(n));
        shape("nested * around a word", n -> "*".repeat(n / 2 - 1) + "a" + "*".repeat(n / 2 - 1));
        shape("nested _a * mixes", n -> repeat("_a *", n / 2) + repeat("* a_", n / 2));
        shape("~~ runs", n -> repeat("~~a", n));
        shape("unclosed [[[[", n -> "[".repeat(n));
        shape("nested [[a]]", n -> "[".repeat(n / 2) + "a" + "]".repeat(n / 2));
        shape("[a]( repeated", n -> repeat("[a](", n));
        shape("![ repeated", n -> repeat("![", n));
        shape("![a]( repeated", n -> repeat("![a](", n));
        shape("[a](b \" repeated", n -> repeat("[a](b \"", n));
        shape("[a][b] references", n -> repeat("[a][b]", n));
        shape("links in one paragraph", n -> repeat("see [x](https://example.org/a) and ", n));
        shape("reference definitions and uses", PathologicalMarkdown::references);
        shape("[a]: then < lines", n -> repeat("[a]:\n<", n));
        shape(
                "table with many columns",
                n -> "|a".repeat(n / 6) + "|\n" + "|-".repeat(n / 6) + "|\n" + "|1".repeat(n / 6));
        shape("table with many rows", n -> "| a | b |\n|---|:-:|\n" + repeat("| 1 | **x** [l](/u) |\n", n));
        shape("paragraph of | lines", n -> "a\n" + repeat("|\n", n));
        shape("indented | lines", n -> repeat(" |\n", n));
        shape("quoted | lines", n -> repeat("> |\n", n));
        shape("html-looking <a <b <c", n -> repeat("<a <b <c ", n));
        shape("<a href=\" repeated", n -> repeat("<a href=\"", n));
        shape("long html comment", n -> "x <!--" + "a".repeat(n - 12) + "--> y");
        shape("tag with many attributes", n -> "x <a" + " b".repeat(n / 2 - 4) + "> y");
        shape("backtick ladder", PathologicalMarkdown::backtickLadder);
        shape("`a repeated", n -> repeat("`a ", n));
        shape("&amp; entities", n -> repeat("&amp;", n));
        shape("&# long entity", n -> repeat("&#1234567;", n));
        shape("backslash escapes", n -> repeat("\\*", n));
        shape("www. run", n -> repeat("www.", n));
        shape("www.a.b autolinks", n -> repeat("www.a.b ", n));
        shape("http://a.a.a", n -> "http://" + "a.".repeat(n / 2 - 4) + "b");
        shape("a@b.c emails", n -> repeat("a@b.c ", n));
        shape("typographic quotes", n -> repeat("\"a '", n));
        shape("<< >> and ... --", n -> repeat("<<a>> ...-- ", n));
        shape("# headings", n -> repeat("# a\n", n));
        shape("setext headings", n -> repeat("a\n=\n", n));
        shape("long link title", n -> "[a](b \"" + "x ".repeat(n / 2 - 5) + "\")");
        shape("long <destination>", n -> "[a](<" + "x".repeat(n - 7) + ">)");
        shape("line of * *", n -> repeat("* ", n));
        shape("quoted lines", n -> repeat("> a\n", n));
        shape("indented code lines", n -> repeat("    a\n", n));
        shape("fenced code in a list", n -> "- x\n\n  ```\n" + repeat("  a\n\n", n) + "  ```\n");
        shape("list items", n -> repeat("- a\n", n));
        shape("blank lines", n -> "\n".repeat(n - 1) + "x");
        shape("one long word", n -> "a".repeat(n));
        shape("NUL characters", n -> "\u0000".repeat(n));
        shape("lone surrogates", n -> repeat("\uD83D", n));
        shape("CR-only line ends", n -> repeat("> - a\r", n));
    }

    private PathologicalMarkdown() {}

    private static void shape(String name, IntFunction<String> body) {
        SHAPES.put(name, body);
    }

    /** {@code body} for about {@code length} characters, never over the body limit. */
    static String of(String shape, int length) {
        String text = SHAPES.get(shape).apply(length);
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
    }

    static String repeat(String unit, int length) {
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private static String indentLadder(int length) {
        StringBuilder body = new StringBuilder();
        for (int level = 0; body.length() < length; level++) {
            body.append("  ".repeat(level)).append("- x\n");
        }
        return body.toString();
    }

    private static String backtickLadder(int length) {
        StringBuilder body = new StringBuilder();
        for (int run = 1; body.length() < length; run++) {
            body.append("`".repeat(run)).append(" a ");
        }
        return body.toString();
    }

    private static String references(int length) {
        StringBuilder body = new StringBuilder();
        int definitions = 0;
        while (body.length() < length / 2) {
            body.append("[r")
                    .append(definitions)
                    .append("]: /u")
                    .append(definitions++)
                    .append(" \"t\"\n");
        }
        body.append('\n');
        for (int use = 0; body.length() < length; use++) {
            body.append("[x][r").append(use % definitions).append("] ");
        }
        return body.toString();
    }

    /**
     * Like {@link #randomMix} but without quote or list markers or indentation, so that long bodies are not all
     * refused for nesting and the inline parser, the renderer and jsoup get the mix.
     */
    static String randomInlineMix(Random random, int length) {
        String[] atoms = {
            "\n",
            "\n\n",
            "*",
            "**",
            "_",
            "~~",
            "[",
            "]",
            "(",
            ")",
            "![",
            "](",
            "<",
            "</",
            "<a ",
            "`",
            "```",
            "&amp;",
            "&",
            "#",
            "|",
            "|-",
            "www.",
            "http://",
            "a@b.c",
            "\"",
            "'",
            "\\",
            "word ",
            "a",
            " ",
            "=\n",
            "[a]: /u\n",
            "<!--",
            "-->",
            "...",
            "--",
            "[x](/y)",
            "<https://e.org>"
        };
        return mix(random, length, atoms);
    }

    /** A random mix of Markdown's special characters and ordinary text, runs of each up to 50 long. */
    static String randomMix(Random random, int length) {
        String[] atoms = {
            ">",
            "> ",
            "- ",
            "* ",
            "1. ",
            "  ",
            "    ",
            "\t",
            "\n",
            "\n\n",
            "*",
            "**",
            "_",
            "~~",
            "[",
            "]",
            "(",
            ")",
            "![",
            "](",
            "<",
            "</",
            "<a ",
            "`",
            "```",
            "&amp;",
            "&",
            "#",
            "# ",
            "|",
            "|-",
            "www.",
            "http://",
            "a@b.c",
            "\"",
            "'",
            "\\",
            "word ",
            "a",
            " ",
            "=\n",
            "---\n",
            "[a]: /u\n",
            "<!--",
            "-->",
            "...",
            "--"
        };
        return mix(random, length, atoms);
    }

    private static String mix(Random random, int length, String[] atoms) {
        StringBuilder body = new StringBuilder(length + 64);
        while (body.length() < length) {
            String atom = atoms[random.nextInt(atoms.length)];
            int run = random.nextInt(4) == 0 ? 1 + random.nextInt(50) : 1;
            for (int i = 0; i < run && body.length() < length; i++) {
                body.append(atom);
            }
        }
        return body.toString();
    }

    /** The launch story, then sections of ordinary Markdown, repeated to {@code length}. */
    static String realisticStory(int length) {
        String launch = launchStory();
        StringBuilder body = new StringBuilder(length + 2_000);
        for (int i = 0; body.length() < length; i++) {
            body.append(launch).append("\n\n## Section ").append(i).append("\n\n");
            body.append("A paragraph with **bold**, *emphasis*, `code`, a [link](https://example.org/")
                    .append(i)
                    .append(") and https://example.org/auto")
                    .append(i)
                    .append(". \"Quoted,\" it's said -- twice...\n\n");
            body.append("- one\n- two\n  - nested [x](/a)\n    1. deeper\n\n");
            body.append("> \"Quoted,\" a spokesperson said.\n> - with a list\n\n");
            body.append("| a | b | c |\n|---|:-:|--:|\n| 1 | 2 | 3 |\n| x | *y* | ~~z~~ |\n\n");
            body.append("```java\nint x = 1;\n    if (a < b) { return; }\n```\n\n");
            body.append("[ref")
                    .append(i)
                    .append("]: https://example.org/ref\n\nSee [the ref][ref")
                    .append(i);
            body.append("].\n\n");
        }
        return body.substring(0, Math.min(body.length(), length));
    }

    static String launchStory() {
        try (InputStream in = PathologicalMarkdown.class.getResourceAsStream("/seed/launch-story.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
