package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.h2.tools.Recover;

/**
 * Reads a killed H2 store file with H2's own {@link Recover} tool, without opening it as a database (which would run
 * crash recovery and rewrite it). Recover walks every chunk and page of the file ({@code MVStoreTool.dump}, written to
 * {@code .mv.txt}) and reads every row of every table into a script ({@code .h2.sql}); a page it cannot read is written
 * as {@code // error:} in the script, {@code ERROR} in the dump, and {@code Error:} on its output.
 *
 * <p>No error is not enough on its own: on a damaged file Recover falls back to the newest version it can read, which
 * may be seconds old, and says nothing. So the script must also hold the text of the latest confirmed saves.
 */
final class H2FileCheck {

    private H2FileCheck() {}

    /** Copies {@code data/gazette.mv.db} aside, recovers it there and asserts no error and every expected value. */
    static void assertIntact(Path data, Collection<String> expectedValues) throws Exception {
        Path dir = Files.createTempDirectory(data, "recover-");
        Files.copy(data.resolve("gazette.mv.db"), dir.resolve("gazette.mv.db"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Recover recover = new Recover();
        recover.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        recover.runTool("-dir", dir.toString(), "-db", "gazette");

        String said = output.toString(StandardCharsets.UTF_8);
        String dump = Files.readString(dir.resolve("gazette.mv.txt"), StandardCharsets.UTF_8);
        String script = Files.readString(dir.resolve("gazette.h2.sql"), StandardCharsets.UTF_8);
        assertThat(said).as("Recover's output").doesNotContain("Error");
        assertThat(dump).as("the chunk and page dump").doesNotContain("ERROR");
        assertThat(script).as("the recovered script").doesNotContain("// error");
        for (String value : expectedValues) {
            assertThat(script).as("the recovered script holds the latest saves").contains("'" + value + "'");
        }
    }
}
