package news.gazette.story;

import java.util.List;
import news.gazette.web.Layout;

/** The model of {@code story/corrections.jte}: every correction on a story readers can see, newest first. */
public record CorrectionsPage(Layout layout, List<CorrectionListing> corrections) {

    public CorrectionsPage {
        corrections = List.copyOf(corrections);
    }
}
