package news.gazette.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import news.gazette.story.Slug;

/**
 * The byline field as names, in order: "Ann Writer, Ben Reporter" or "Ann Writer and Ben Reporter" are two authors.
 * Commas and semicolons always separate; "and" and "&amp;" separate only when every side is a name of two words or more,
 * so "Science and Technology Desk" stays one desk. The same name twice counts once.
 */
final class BylineNames {

    static final int MAX_NAMES = 10;
    private static final Pattern LIST = Pattern.compile("[,;\\n]");
    private static final Pattern AND = Pattern.compile("\\s+(?:and|&)\\s+", Pattern.CASE_INSENSITIVE);

    private BylineNames() {}

    static List<String> split(String field) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        if (field == null) {
            return List.of();
        }
        for (String part : LIST.split(field)) {
            for (String name : splitOnAnd(part.strip())) {
                if (!name.isEmpty()) {
                    bySlug.putIfAbsent(Slug.from(name).value(), name);
                }
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** The names as the editor's field shows them after a save. */
    static String join(List<String> names) {
        return String.join(", ", names);
    }

    private static List<String> splitOnAnd(String part) {
        String[] sides = AND.split(part);
        if (sides.length < 2) {
            return List.of(part);
        }
        List<String> names = new ArrayList<>();
        for (String side : sides) {
            String name = side.strip();
            if (name.split("\\s+").length < 2) {
                return List.of(part);
            }
            names.add(name);
        }
        return names;
    }
}
