package news.gazette.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The files under {@code static/}, held in memory with a content hash in their URL ({@code css/site.3f2a9c1d0e.css}),
 * so that browsers and CDNs may cache them forever and a change is a new URL. Text files are gzipped once at start-up.
 * Requests are answered only from this map, so no request path ever reaches the file system.
 */
public final class Assets {

    public static final String PREFIX = "/assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "public, max-age=300";

    private final Map<String, Asset> byName = new HashMap<>();
    private final Map<String, Asset> byFingerprintedName = new HashMap<>();

    private record Asset(
            String name, String fingerprinted, String contentType, byte[] bytes, byte[] gzipped, String etag) {}

    private Assets() {}

    /** Loads from a folder (development) or, when {@code folder} is null, from {@code static/} in the jar. */
    public static Assets load(Path folder) {
        Assets assets = new Assets();
        if (folder != null) {
            assets.addAll(folder);
            return assets;
        }
        URL root = Assets.class.getClassLoader().getResource("static");
        if (root == null) {
            throw new IllegalStateException("static/ is missing from the classpath");
        }
        try {
            if (root.getProtocol().equals("jar")) {
                assets.addAll((JarURLConnection) root.openConnection());
            } else {
                assets.addAll(Path.of(root.toURI()));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read static assets", e);
        }
        return assets;
    }

    /** The fingerprinted URL for {@code name}; fails fast on a typo in a template. */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no such asset: " + name);
        }
        return PREFIX + asset.fingerprinted();
    }

    /**
     * The size in bytes of the file at a site path such as {@code /assets/img/x.svg} (plain or fingerprinted name),
     * or -1 when the path is not one of these files. Feeds need it for enclosures.
     */
    public long sizeOf(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return -1;
        }
        String name = path.substring(PREFIX.length());
        Asset asset = byName.getOrDefault(name, byFingerprintedName.get(name));
        return asset == null ? -1 : asset.bytes().length;
    }

    /**
     * A raster copy of an SVG asset for the places that cannot show SVG (social previews, search engines' article and
     * logo images): the fingerprinted URL of the PNG of the same name beside it, or null when {@code path} is not an
     * SVG asset or has no PNG (the PNGs are rendered from their SVGs once, when the SVG is made or changed).
     */
    public String rasterOf(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String name = path.substring(PREFIX.length());
        Asset asset = byName.getOrDefault(name, byFingerprintedName.get(name));
        if (asset == null || !asset.name().endsWith(".svg")) {
            return null;
        }
        String png = asset.name().substring(0, asset.name().length() - ".svg".length()) + ".png";
        return byName.containsKey(png) ? url(png) : null;
    }

    /** Handles {@code GET /assets/<path>}: fingerprinted names are immutable, plain names revalidate. */
    public void serve(Context ctx) {
        String path = ctx.pathParam("path");
        Asset asset = byFingerprintedName.get(path);
        boolean fingerprinted = asset != null;
        if (asset == null) {
            asset = byName.get(path);
        }
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", fingerprinted ? IMMUTABLE : REVALIDATE);
        ctx.header("ETag", asset.etag());
        ctx.header("Vary", "Accept-Encoding");
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        String acceptEncoding = ctx.header("Accept-Encoding");
        if (asset.gzipped() != null && acceptEncoding != null && acceptEncoding.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(asset.gzipped());
        } else {
            ctx.result(asset.bytes());
        }
    }

    private void addAll(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                add(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Reads the jar's directory as it is: mounting it as a zip file system indexes all of its ~13,000 entries
    // first, which took 40-150 ms of every start-up.
    private void addAll(JarURLConnection connection) throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String folder = connection.getEntryName(); // "static" or "static/"
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(entry.getName().substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
    }

    private void add(String name, byte[] bytes) {
        try {
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            String fingerprinted =
                    dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot);
            String type = contentType(extension);
            byte[] gzipped =
                    type.startsWith("text/") || type.contains("svg") || type.contains("json") ? gzip(bytes) : null;
            Asset asset = new Asset(name, fingerprinted, type, bytes, gzipped, "\"" + hash + "\"");
            byName.put(name, asset);
            byFingerprintedName.put(fingerprinted, asset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(String extension) {
        return switch (extension) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml; charset=utf-8";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "json", "webmanifest" -> "application/json; charset=utf-8";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
