package news.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The page cache's doorkeeper: everything while there is room, then only what was asked for before. */
class AdmissionTest {

    @Test
    void with_room_every_page_is_kept() {
        Admission admission = new Admission(16);
        assertThat(admission.admits("/articles/a", false)).isTrue();
        assertThat(admission.admits("/articles/a", false)).isTrue();
    }

    @Test
    void when_nearly_full_a_page_is_kept_on_its_second_miss() {
        Admission admission = new Admission(1 << 10);
        assertThat(admission.admits("/articles/a", true)).isFalse();
        assertThat(admission.admits("/articles/b", true)).isFalse();
        assertThat(admission.admits("/articles/a", true)).isTrue();
        assertThat(admission.admits("/articles/b", true)).isTrue();
        assertThat(admission.admits("/articles/c", true)).isFalse();
    }

    @Test
    void a_table_of_one_slot_remembers_only_the_last_page_refused() {
        Admission admission = new Admission(1);
        assertThat(admission.admits("/articles/a", true)).isFalse();
        assertThat(admission.admits("/articles/b", true)).isFalse();
        assertThat(admission.admits("/articles/a", true))
                .as("forgotten: b took its slot")
                .isFalse();
        assertThat(admission.admits("/articles/a", true)).isTrue();
    }

    @Test
    void the_table_size_is_a_power_of_two() {
        assertThatThrownBy(() -> new Admission(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
