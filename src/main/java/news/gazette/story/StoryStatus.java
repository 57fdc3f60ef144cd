package news.gazette.story;

import java.util.Locale;

/** Whether readers may see a story. A published story whose time has not come yet is scheduled. */
public enum StoryStatus {
    DRAFT,
    PUBLISHED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoryStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
