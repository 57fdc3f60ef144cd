package news.gazette.db;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Plays another process's compaction for {@link CompactionElsewhereTest}: holds the lock H2 takes on the temp file it
 * compacts into, says {@code locked}, and keeps it until its standard input closes.
 */
public final class TempFileLocker {

    private TempFileLocker() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel channel =
                        FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes the pipe
            }
        }
    }

    /** Starts the locker on {@code temp} and returns once it holds the lock. */
    static Process lock(Path temp) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TempFileLocker.class.getName(),
                        temp.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(process.getInputStream().readNBytes("locked".length()));
        if (!said.equals("locked")) {
            process.destroyForcibly();
            throw new IllegalStateException("the locker said " + said);
        }
        return process;
    }
}
