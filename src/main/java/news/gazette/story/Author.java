package news.gazette.story;

/** A byline: a reporter or a desk. */
public record Author(long id, String slug, String name, String bio) {

    public String path() {
        return "/authors/" + slug;
    }
}
