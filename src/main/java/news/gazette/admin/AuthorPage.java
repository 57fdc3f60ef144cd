package news.gazette.admin;

import news.gazette.story.Author;

/** The model of {@code admin/author.jte}: one author's page as stored, and the form as typed. */
public record AuthorPage(
        AdminLayout layout, Author author, AuthorHandlers.AuthorForm form, FormErrors errors, String notice) {}
