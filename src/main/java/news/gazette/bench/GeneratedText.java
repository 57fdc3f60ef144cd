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

    /** About 450 words: an opening, two sections, a numbered list and a quotation, like a real story. */
    static String body(SplittableRandom random) {
        StringBuilder md = new StringBuilder();
        paragraph(md, random, 3);
        md.append("## What happened\n\n");
        paragraph(md, random, 4);
        md.append("> \"").append(sentence(random, 14)).append("\" a spokesperson said.\n\n");
        md.append("## Why it matters\n\n");
        for (int i = 1; i <= 3; i++) {
            md.append(i).append(". **").append(pick(random, TAGS)).append(":** ");
            md.append(sentence(random, 18)).append('\n');
        }
        md.append('\n');
        paragraph(md, random, 4);
        md.append("## What's next\n\n");
        paragraph(md, random, 3);
        return md.toString();
    }

    private static void paragraph(StringBuilder md, SplittableRandom random, int sentences) {
        for (int i = 0; i < sentences; i++) {
            md.append(sentence(random, 12 + random.nextInt(14))).append(' ');
        }
        md.append("\n\n");
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
