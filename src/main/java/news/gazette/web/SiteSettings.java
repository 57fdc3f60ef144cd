package news.gazette.web;

import news.gazette.db.Jdbc;

/**
 * Values fixed once for the life of a site, in {@code site_setting}: they belong to the site, not to the command line
 * it happens to be started with, so they stay when its address changes and travel with its exports.
 */
public final class SiteSettings {

    /** The authority of every feed entry's {@code tag:} id: the base URL's host at the site's first start. */
    public static final String FEED_ID_AUTHORITY = "feed_id_authority";

    private final Jdbc jdbc;

    public SiteSettings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The value of {@code name}, stored as {@code firstValue} when the site has none yet. Instances starting at once on
     * a new database all come back with the one value that was stored first.
     */
    public String fixOnce(String name, String firstValue) {
        try {
            jdbc.update("""
                    insert into site_setting (name, setting_value)
                    select cast(? as varchar(100)), cast(? as varchar(1000))
                    where not exists (select 1 from site_setting where name = ?)""", name, firstValue, name);
        } catch (Jdbc.DataAccessException e) {
            // Another instance stored it between our check and our insert: its value stands.
            if (!Jdbc.isConstraintViolation(e)) {
                throw e;
            }
        }
        return jdbc.first("select setting_value from site_setting where name = ?", row -> row.getString(1), name)
                .orElseThrow(() -> new IllegalStateException("the site setting " + name + " was not stored"));
    }
}
