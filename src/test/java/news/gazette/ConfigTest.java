package news.gazette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaults_serve_port_7070_with_data_under_dot_data() {
        Config config = Config.from(new String[0], Map.of());
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:").contains("/data/gazette;");
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:7070");
    }

    @Test
    void environment_variables_set_options() {
        Config config = Config.from(
                new String[0],
                Map.of(
                        "GAZETTE_PORT", "8080",
                        "GAZETTE_DATA", "/srv/gazette",
                        "GAZETTE_BASE_URL", "https://news.example.org/",
                        "GAZETTE_DB_URL", "jdbc:h2:mem:x"));
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/gazette"));
        assertThat(config.baseUrl()).isEqualTo("https://news.example.org");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(config.isHttps()).isTrue();
    }

    @Test
    void command_line_wins_over_environment() {
        Config config = Config.from(new String[] {"--port", "9000"}, Map.of("GAZETTE_PORT", "8080"));
        assertThat(config.port()).isEqualTo(9000);
    }

    @Test
    void bad_values_get_one_line_messages() {
        assertThatThrownBy(() -> Config.from(new String[] {"--port", "http"}, Map.of()))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessageContaining("--port")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Config.from(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("port must be between 0 and 65535");
        assertThatThrownBy(() -> Config.from(new String[] {"--base-url", "ftp://x"}, Map.of()))
                .hasMessageContaining("base URL");
        assertThatThrownBy(() -> Config.from(new String[] {"--db-url", "postgres://x"}, Map.of()))
                .hasMessageContaining("jdbc:");
        assertThatThrownBy(() -> Config.from(new String[] {"--colour"}, Map.of()))
                .isInstanceOf(Config.InvalidConfigException.class);
    }
}
