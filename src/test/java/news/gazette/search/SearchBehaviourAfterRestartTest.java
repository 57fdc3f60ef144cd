package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every behaviour of {@link SearchBehaviourTest}, asked of a new app started on the same database and index. */
class SearchBehaviourAfterRestartTest extends SearchBehaviourTest {

    @Override
    @BeforeAll
    void arrange() throws IOException {
        super.arrange();
        site.restart();
    }

    @Test
    void the_index_was_caught_up_from_the_log_rather_than_rebuilt() {
        assertThat(site.opening()).isEqualTo(SearchIndex.Opening.CAUGHT_UP);
    }
}
