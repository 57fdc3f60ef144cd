package news.gazette.story;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A byline: a reporter or a desk, with what their page shows.
 *
 * @param organization a desk, a wire service or the staff rather than a person: JSON-LD types it so
 * @param photoUrl a site path or an https address of their photo; null when there is none
 * @param links their own pages elsewhere, in order, absolute http(s) addresses
 */
public record Author(
        long id, String slug, String name, String bio, boolean organization, String photoUrl, List<String> links) {

    private static final Pattern DESK =
            Pattern.compile(".*\\s(desk|staff|team|bureau|newsroom|editors)$", Pattern.CASE_INSENSITIVE);

    /** A person with no photo and no links: what a byline is before anyone edits its author page. */
    public Author(long id, String slug, String name, String bio) {
        this(id, slug, name, bio, looksLikeDesk(name), null, List.of());
    }

    public Author {
        bio = bio == null ? "" : bio;
        photoUrl = photoUrl == null || photoUrl.isBlank() ? null : photoUrl;
        links = List.copyOf(links);
    }

    /** The first guess for a new byline ("Science Desk", "Wire Staff"); the author page can say otherwise. */
    public static boolean looksLikeDesk(String name) {
        return name != null
                && DESK.matcher(name.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** "Ann Writer", "Ann Writer and Ben Reporter", "Ann Writer, Ben Reporter and Cy Desk". */
    public static String inWords(List<Author> authors) {
        List<String> names = authors.stream().map(Author::name).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** How a link of theirs reads: its host, without "www.". */
    public static String linkLabel(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            if (host == null) {
                return url;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    public String path() {
        return "/authors/" + slug;
    }

    public String schemaType() {
        return organization ? "Organization" : "Person";
    }
}
