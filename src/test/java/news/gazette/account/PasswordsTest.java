package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void the_decoy_is_a_well_formed_hash_at_the_cost_of_real_ones() throws Exception {
        // Same version and cost as a real hash, so checking an unknown account takes as long as a known one.
        BCrypt.HashData decoy =
                BCrypt.Version.VERSION_2A.parser.parse(Passwords.DECOY.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoy.cost).isEqualTo(Passwords.COST);
        String real = new Passwords().hash("a real password of ours");
        assertThat(Passwords.DECOY.substring(0, 7)).isEqualTo(real.substring(0, 7));
    }

    @Test
    void a_hash_matches_its_password_only() {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("correct horse battery");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery!", hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }
}
