package news.gazette.admin;

import java.util.List;

/** The model of {@code admin/authors.jte}: every byline, with how many stories carry it. */
public record AuthorsPage(AdminLayout layout, List<AuthorDesk.Listed> authors) {

    public AuthorsPage {
        authors = List.copyOf(authors);
    }
}
