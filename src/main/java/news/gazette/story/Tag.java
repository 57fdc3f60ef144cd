package news.gazette.story;

/** A topic that groups stories; the most used tags are the site's sections. */
public record Tag(long id, String slug, String name) {

    public String path() {
        return "/tags/" + slug;
    }
}
