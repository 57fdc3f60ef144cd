package news.gazette.bench;

import java.util.SplittableRandom;

/** Word lists and shapes for generated news copy: headlines, sentences, Markdown bodies with sections and lists. */
final class GeneratedText {

    static final String[] AUTHORS = {
        "News Desk",
        "Amara Okafor",
        "Lucas Ferreira",
        "Mei Tanaka",
        "Jonas Lindqvist",
        "Priya Raman",
        "Elena Petrova",
        "Samuel Osei",
        "Clara Dubois",
        "Diego Alvarez"
    };

    static final String[] TAGS = {
        "AI", "Anthropic", "OpenAI", "Technology", "Business", "Climate", "Politics", "Science", "Health", "Energy",
        "Markets", "Europe", "Asia", "Africa", "Americas", "Education", "Transport", "Space", "Security", "Culture",
        "Sport", "Media", "Labour", "Housing", "Trade", "Law", "Cities", "Food", "Water", "Weather"
    };

    private static final String[] SUBJECTS = {
        "Regulators",
        "Lawmakers",
        "Researchers",
        "Investors",
        "City council",
        "Startups",
        "Chipmakers",
        "Unions",
        "Central bank",
        "Hospitals",
        "Farmers",
        "Airlines",
        "Universities",
        "Developers",
        "Energy firms"
    };
    private static final String[] VERBS = {
        "weigh", "approve", "reject", "delay", "expand", "question", "unveil", "challenge", "back", "scrap"
    };
    private static final String[] OBJECTS = {
        "new rules for data centres", "a plan to cut emissions", "tighter export controls", "a landmark merger",
        "funding for open research", "limits on facial recognition", "a four-day week trial", "grid upgrades",
        "a shared safety benchmark", "new housing targets", "rail investment", "a tax on windfall profits"
    };
    private static final String[] WORDS =
            ("the a an of to in and for on with as by at from that this it is was be are were has have had will would "
                            + "could should may market policy report data model company government official minister researchers "
                            + "analysts industry growth risk access agreement decision statement spokesperson week month year "
                            + "budget energy network platform service customers public private investment security research "
                            + "evidence trial court ruling vote council region city country national global local critics "
                            + "supporters plan proposal change impact cost price rate demand supply workers jobs schools")
                    .split(" ");

    private GeneratedText() {}

    static String headline(SplittableRandom random) {
        return pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS);
    }

    static String slug(String headline, long id) {
        return headline.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + id;
    }

    static String sentence(SplittableRandom random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = pick(random, WORDS);
            out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            out.append(i == words - 1 ? "." : " ");
        }
        return out.toString();
    }

    /**
     * A generated body: its Markdown, the HTML {@code story.Markdown} renders from it and the number of words a reader
     * sees, written together so that the generator stores what a save would without rendering anything
     * ({@code GeneratedTextTest} holds the two renderings equal).
     */
    record Body(String markdown, String html, int words) {}

    /** About 450 words: an opening, two sections, a numbered list and a quotation, like a real story. */
    static Body body(SplittableRandom random) {
        BodyWriter out = new BodyWriter();
        paragraph(out, random, 3);
        out.heading("What happened", "What happened", "what-happened", 2);
        paragraph(out, random, 4);
        String quote = sentence(random, 14);
        out.md.append("> \"").append(quote).append("\" a spokesperson said.\n\n");
        out.html
                .append("<blockquote>\n<p>\u201c")
                .append(quote)
                .append("\u201d a spokesperson said.</p>\n</blockquote>\n");
        out.words += 14 + 3;
        out.heading("Why it matters", "Why it matters", "why-it-matters", 3);
        out.html.append("<ol>\n");
        for (int i = 1; i <= 3; i++) {
            String tag = pick(random, TAGS);
            String item = sentence(random, 18);
            out.md
                    .append(i)
                    .append(". **")
                    .append(tag)
                    .append(":** ")
                    .append(item)
                    .append('\n');
            out.html
                    .append("<li><strong>")
                    .append(tag)
                    .append(":</strong> ")
                    .append(item)
                    .append("</li>\n");
            out.words += tag.split(" ").length + 18;
        }
        out.md.append('\n');
        out.html.append("</ol>\n");
        paragraph(out, random, 4);
        out.heading("What's next", "What\u2019s next", "whats-next", 2);
        paragraph(out, random, 3);
        return out.body();
    }

    private static void paragraph(BodyWriter out, SplittableRandom random, int sentences) {
        out.html.append("<p>");
        for (int i = 0; i < sentences; i++) {
            int words = 12 + random.nextInt(14);
            String sentence = sentence(random, words);
            out.md.append(sentence).append(' ');
            out.html.append(i == 0 ? "" : " ").append(sentence);
            out.words += words;
        }
        out.md.append("\n\n");
        out.html.append("</p>\n");
    }

    /** The Markdown and its HTML side by side, with the words written so far. */
    private static final class BodyWriter {
        final StringBuilder md = new StringBuilder(3_200);
        final StringBuilder html = new StringBuilder(3_600);
        int words;

        void heading(String markdown, String html, String id, int words) {
            md.append("## ").append(markdown).append("\n\n");
            this.html.append("<h2 id=\"").append(id).append("\">").append(html).append("</h2>\n");
            this.words += words;
        }

        Body body() {
            return new Body(md.toString(), html.toString(), words);
        }
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
