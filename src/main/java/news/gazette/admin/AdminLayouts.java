package news.gazette.admin;

import io.javalin.http.Context;
import news.gazette.account.SessionRepository.SignedIn;
import news.gazette.web.Site;

/** Builds the {@link AdminLayout} of a signed-in page. */
public final class AdminLayouts {

    private final Site site;

    public AdminLayouts(Site site) {
        this.site = site;
    }

    public AdminLayout of(Context ctx, String title, String section) {
        SignedIn s = AdminAuth.signedIn(ctx);
        return new AdminLayout(site, title, s.account(), s.csrfToken(), section);
    }
}
