package news.gazette.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** H2's page cache is a thirty-second of the heap, within 2 and 64 MB, and the embedded URL asks for it. */
class PageCacheSizeTest {

    @Test
    void the_cache_is_a_thirty_second_of_the_heap_within_bounds() {
        assertThat(Database.pageCacheKilobytes(128L << 20)).isEqualTo(4 << 10);
        assertThat(Database.pageCacheKilobytes(32L << 20)).isEqualTo(2 << 10);
        assertThat(Database.pageCacheKilobytes(6L << 30)).isEqualTo(64 << 10);
        assertThat(Database.embeddedJdbcUrl(Path.of("/tmp/x")))
                .endsWith(";CACHE_SIZE="
                        + Database.pageCacheKilobytes(Runtime.getRuntime().maxMemory()));
    }
}
