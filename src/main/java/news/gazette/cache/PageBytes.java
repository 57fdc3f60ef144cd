package news.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import news.gazette.change.ChangeKey;
import news.gazette.web.HttpDate;

/**
 * A rendered answer made into a {@link CachedPage}: its entity tags, its date, its gzip copy made the way its use calls
 * for, and its headers encoded once for the wire.
 */
final class PageBytes {

    /** How a rendered page's gzip copy is made: for the cache (smallest), for one answer (fastest), or not at all. */
    enum Compression {
        KEPT,
        ONCE,
        NONE
    }

    private final LastModified dates = new LastModified();
    private final Clock clock;

    PageBytes(Clock clock) {
        this.clock = clock;
    }

    /** What the page cache knows of a render, with {@code body} as the handler wrote it. */
    record Render(
            String key,
            Instant changed,
            byte[] body,
            String contentType,
            List<Map.Entry<String, String>> ownHeaders,
            Set<ChangeKey> dependencies,
            Instant validUntil,
            boolean ignoresQuery) {}

    CachedPage page(Render render, Compression compression) {
        byte[] body = render.body();
        String hash = entityTag(body);
        byte[] gzipped = compressible(render.contentType()) && compression != Compression.NONE
                ? gzip(body, compression == Compression.KEPT ? Deflater.DEFAULT_COMPRESSION : Deflater.BEST_SPEED)
                : null;
        String etag = "\"" + hash + "\"";
        // The quick copy's bytes differ from the kept one's, so its tag does too (a strong tag names exact bytes).
        String gzipEtag = "\"" + hash + (compression == Compression.ONCE ? "-gz1\"" : "-gz\"");
        long seconds = dates.seconds(render.key(), etag, render.changed(), clock.instant());
        String lastModified = HttpDate.format(Instant.ofEpochSecond(seconds));
        WireHeaders wire = WireHeaders.of(
                render.contentType(),
                body.length,
                gzipped == null ? null : gzipped.length,
                etag,
                gzipEtag,
                lastModified,
                render.ownHeaders());
        return new CachedPage(
                render.contentType(),
                body,
                gzipped,
                etag,
                gzipEtag,
                seconds,
                lastModified,
                render.ownHeaders(),
                render.dependencies(),
                render.validUntil(),
                render.ignoresQuery(),
                wire);
    }

    private static boolean compressible(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("xml") || contentType.contains("json");
    }

    /**
     * The page's entity tag: two checksums of its bytes (CRC-32C and CRC-32, both done in hardware) and its length, 32
     * hex digits. A tag only has to change whenever the bytes do; a cryptographic digest cost a crawl's uncached
     * articles 5-7 % of their processor time.
     */
    static String entityTag(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return String.format("%08x%08x%016x", castagnoli.getValue(), ieee.getValue(), (long) bytes.length);
    }

    private static byte[] gzip(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new LeveledGzip(out, level)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
