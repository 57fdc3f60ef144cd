package news.gazette.admin;

import news.gazette.account.Account;
import news.gazette.web.Site;

/**
 * What the newsroom's skeleton ({@code admin/layout.jte}) needs: the page title, who is signed in (null on the sign-in
 * page), the CSRF token every form carries, and which part of the newsroom is current.
 */
public record AdminLayout(Site site, String title, Account account, String csrfToken, String section) {

    public String fullTitle() {
        return title + " | Newsroom | " + site.name();
    }

    public boolean isCurrent(String name) {
        return name.equals(section);
    }
}
