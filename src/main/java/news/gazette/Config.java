package news.gazette;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import news.gazette.cache.ProxyOptions;
import news.gazette.db.Database;
import news.gazette.text.PlainText;
import news.gazette.web.IpRange;
import news.gazette.websub.WebSubOptions;

/**
 * Everything Gazette needs to know about its surroundings, read once at start-up.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one (tests)
 * @param dataDir folder that holds the embedded database and anything else written at run time
 * @param baseUrl public URL of the site without a trailing slash, used in links, feeds and metadata
 * @param jdbcUrl database to use; defaults to an H2 file under {@code dataDir}
 * @param siteName name shown in the masthead, titles and feeds
 * @param siteDescription one sentence about the site, for the front page's meta description and feeds
 * @param language BCP 47 language tag of the site's content
 * @param templatesDir when set, templates are compiled from this folder and reloaded on change (development)
 * @param staticDir when set, assets are read from this folder instead of the jar (development)
 * @param mediaDir folder for uploaded images; defaults to {@code media} under {@code dataDir}. Several instances share
 *     uploads by pointing this at one shared volume.
 * @param adminPassword password of the first account, {@code admin}, created when there is none; random if null
 * @param metricsToken bearer token that lets a non-loopback client read {@code /metrics}; null allows loopback only
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} names the client;
 *     empty trusts none, and the connection's peer is the client
 * @param searchIndexDir folder of this instance's search index; defaults to {@code search-index} under {@code dataDir}.
 *     The index is derived from the database, so each instance keeps its own and rebuilds it when it is missing.
 * @param proxy the caches in front: where purges go, and which key headers pages carry
 * @param timeZone the newsroom's time zone: editors schedule and read times in it, readers see it; everything is
 *     stored in UTC. Defaults to UTC.
 * @param websub the WebSub hub: external hubs to ping ({@code --websub-hub}), whether callbacks may be private
 *     addresses, and the delivery retry schedule
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        String baseUrl,
        String jdbcUrl,
        String siteName,
        String siteDescription,
        String language,
        Path templatesDir,
        Path staticDir,
        Path mediaDir,
        String adminPassword,
        String metricsToken,
        List<String> trustedProxies,
        Path searchIndexDir,
        ProxyOptions proxy,
        ZoneId timeZone,
        WebSubOptions websub) {

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_SITE_NAME = "The Gazette";
    public static final String DEFAULT_SITE_DESCRIPTION =
            "Independent reporting on technology, business and the people who shape them.";

    public Config {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new InvalidConfigException("port must be between 0 and 65535, got " + port);
        }
        baseUrl = normaliseBaseUrl(baseUrl);
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            jdbcUrl = embeddedJdbcUrl(dataDir);
        } else if (!jdbcUrl.startsWith("jdbc:")) {
            throw new InvalidConfigException("database URL must start with jdbc:, got " + jdbcUrl);
        } else {
            try {
                Database.Dialect.of(jdbcUrl);
            } catch (Database.UnsupportedDatabaseException e) {
                throw new InvalidConfigException(e.getMessage());
            }
        }
        // Shown in every page, feed and sitemap: the input rule applies to them as to anything an editor types.
        siteName = blankTo(PlainText.line(siteName), DEFAULT_SITE_NAME);
        siteDescription = blankTo(PlainText.line(siteDescription), DEFAULT_SITE_DESCRIPTION);
        language = blankTo(PlainText.line(language), "en");
        mediaDir = mediaDir == null ? dataDir.resolve("media") : mediaDir;
        searchIndexDir = searchIndexDir == null ? dataDir.resolve("search-index") : searchIndexDir;
        proxy = proxy == null ? ProxyOptions.NONE : proxy;
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        websub = websub == null ? WebSubOptions.NONE : websub;
        adminPassword = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
        for (String trusted : trustedProxies) {
            try {
                IpRange.parse(trusted);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("trusted proxy " + trusted + " " + e.getMessage());
            }
        }
    }

    /** The first fields only, the rest at their defaults: the shape tests that need a data folder of their own use. */
    public Config(
            String host,
            int port,
            Path dataDir,
            String baseUrl,
            String jdbcUrl,
            String siteName,
            String siteDescription,
            String language,
            Path templatesDir,
            Path staticDir,
            Path mediaDir,
            String adminPassword,
            String metricsToken) {
        this(
                host,
                port,
                dataDir,
                baseUrl,
                jdbcUrl,
                siteName,
                siteDescription,
                language,
                templatesDir,
                staticDir,
                mediaDir,
                adminPassword,
                metricsToken,
                List.of(),
                null,
                null,
                null,
                null);
    }

    /** Reads options from the command line, falling back to {@code GAZETTE_*} variables, then defaults. */
    public static Config from(String[] args, Map<String, String> env) {
        return CommandLineOptions.parse(args, env).toConfig();
    }

    /** A config for an in-process test: loopback, any free port, a fresh in-memory database. */
    public static Config forTest() {
        String db = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "gazette-test-" + UUID.randomUUID());
        return new Config("127.0.0.1", 0, data, "http://127.0.0.1", db, null, null, null, null, null, null, null, null);
    }

    public Config withBaseUrl(String url) {
        return with(f -> f.baseUrl = url);
    }

    public Config withJdbcUrl(String url) {
        return with(f -> f.jdbcUrl = url);
    }

    public Config withAdminPassword(String password) {
        return with(f -> f.adminPassword = password);
    }

    /** For tests that play clients behind a proxy: {@code 127.0.0.1} is the in-process client. */
    public Config withTrustedProxies(String... proxies) {
        return with(f -> f.trustedProxies = List.of(proxies));
    }

    /** For tests that run two instances on one data folder, or that move the index elsewhere. */
    public Config withSearchIndexDir(Path folder) {
        return with(f -> f.searchIndexDir = folder);
    }

    /** For tests with a cache in front. */
    public Config withProxy(ProxyOptions caches) {
        return with(f -> f.proxy = caches);
    }

    /** For tests of a newsroom elsewhere than UTC. */
    public Config withTimeZone(ZoneId zone) {
        return with(f -> f.timeZone = zone);
    }

    /** For tests of the WebSub hub: external hubs, private callbacks, a quicker retry schedule. */
    public Config withWebSub(WebSubOptions options) {
        return with(f -> f.websub = options);
    }

    /** For tests whose WebSub subscribers listen on loopback, which the hub refuses by default. */
    public Config withWebSubPrivateCallbacks(boolean allowed) {
        return withWebSub(websub.withPrivateCallbacks(allowed));
    }

    /** This config with {@code change} made to a copy of its fields, checked again by the constructor. */
    private Config with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.toConfig();
    }

    /** The fields of a config being changed: the one place that names them all, so no with-method can drop one. */
    private static final class Fields {
        String host;
        int port;
        Path dataDir;
        String baseUrl;
        String jdbcUrl;
        String siteName;
        String siteDescription;
        String language;
        Path templatesDir;
        Path staticDir;
        Path mediaDir;
        String adminPassword;
        String metricsToken;
        List<String> trustedProxies;
        Path searchIndexDir;
        ProxyOptions proxy;
        ZoneId timeZone;
        WebSubOptions websub;

        Fields(Config c) {
            host = c.host;
            port = c.port;
            dataDir = c.dataDir;
            baseUrl = c.baseUrl;
            jdbcUrl = c.jdbcUrl;
            siteName = c.siteName;
            siteDescription = c.siteDescription;
            language = c.language;
            templatesDir = c.templatesDir;
            staticDir = c.staticDir;
            mediaDir = c.mediaDir;
            adminPassword = c.adminPassword;
            metricsToken = c.metricsToken;
            trustedProxies = c.trustedProxies;
            searchIndexDir = c.searchIndexDir;
            proxy = c.proxy;
            timeZone = c.timeZone;
            websub = c.websub;
        }

        Config toConfig() {
            return new Config(
                    host,
                    port,
                    dataDir,
                    baseUrl,
                    jdbcUrl,
                    siteName,
                    siteDescription,
                    language,
                    templatesDir,
                    staticDir,
                    mediaDir,
                    adminPassword,
                    metricsToken,
                    trustedProxies,
                    searchIndexDir,
                    proxy,
                    timeZone,
                    websub);
        }
    }

    @Override
    public String toString() {
        // Never print the password, e.g. in a failed test's message.
        return "Config[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", baseUrl=" + baseUrl + "]";
    }

    public boolean isHttps() {
        return baseUrl.startsWith("https://");
    }

    /** The public URL of a site path such as {@code /articles/x}. */
    public String absoluteUrl(String path) {
        return baseUrl + path;
    }

    public static String embeddedJdbcUrl(Path dataDir) {
        return Database.embeddedJdbcUrl(dataDir);
    }

    private static String normaliseBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidConfigException("base URL must not be empty");
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidConfigException("base URL must be an absolute http or https URL, got " + url);
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidConfigException("base URL must not have a query or fragment, got " + url);
            }
        } catch (URISyntaxException e) {
            throw new InvalidConfigException("base URL is not a valid URL: " + url);
        }
        return trimmed;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A configuration value that cannot work; its message is one line meant for the operator. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}
