package news.gazette;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.gazette.cache.ProxyOptions;
import news.gazette.websub.WebSubOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server's command-line options. Each option falls back to a {@code GAZETTE_*} environment variable and then to a
 * default, so the same binary runs from a shell, a service unit or a container.
 */
@Command(
        name = "gazette",
        mixinStandardHelpOptions = true,
        version = "Gazette 0.1",
        sortOptions = false,
        description = "Serves a news site: reader pages, feeds and the newsroom.",
        footer = {
            "",
            "Every option can also be set by the environment variable shown in its description.",
            "GAZETTE_ADMIN_PASSWORD sets the password of the first account, admin, on first start.",
            "",
            "Accounts: gazette user add NAME [--role contributor|editor|administrator], gazette user reset-password NAME",
            "Backups:  gazette export FILE, gazette import FILE (with the server stopped)"
        })
final class CommandLineOptions {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "TCP port to listen on (GAZETTE_PORT, default ${DEFAULT-VALUE}).",
            defaultValue = "7070")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Interface to listen on (GAZETTE_HOST, default ${DEFAULT-VALUE}).",
            defaultValue = "0.0.0.0")
    String host;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder for the embedded database and uploads (GAZETTE_DATA, default ${DEFAULT-VALUE}).",
            defaultValue = "./data")
    Path dataDir;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Public URL of the site, used in links, feeds and metadata "
                    + "(GAZETTE_BASE_URL, default http://127.0.0.1:<port>).")
    String baseUrl;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description = "JDBC URL of the database; overrides the embedded H2 file under --data (GAZETTE_DB_URL).")
    String jdbcUrl;

    @Option(
            names = "--site-name",
            paramLabel = "NAME",
            description = "Name of the publication (GAZETTE_SITE_NAME, default \"" + Config.DEFAULT_SITE_NAME + "\").")
    String siteName;

    @Option(
            names = "--site-description",
            paramLabel = "TEXT",
            description = "One sentence about the publication (GAZETTE_SITE_DESCRIPTION).")
    String siteDescription;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            description = "The newsroom's time zone, such as Europe/Berlin: editors schedule in it and readers see it"
                    + " (GAZETTE_TIME_ZONE, default UTC).")
    String timeZone;

    @Option(
            names = "--language",
            paramLabel = "TAG",
            description = "Language of the content, e.g. en or en-GB (GAZETTE_LANGUAGE, default en).")
    String language;

    @Option(
            names = "--metrics-token",
            paramLabel = "TOKEN",
            description = "Bearer token for /metrics from other hosts; without it only loopback may scrape "
                    + "(GAZETTE_METRICS_TOKEN).")
    String metricsToken;

    @Option(
            names = "--media-dir",
            paramLabel = "DIR",
            description = "Folder for uploaded images; point several instances at one shared volume"
                    + " (GAZETTE_MEDIA_DIR, default <data>/media).")
    Path mediaDir;

    @Option(
            names = "--trusted-proxy",
            paramLabel = "ADDRESS",
            split = ",",
            description = "Reverse proxy (address or CIDR range) whose X-Forwarded-For names the client; repeat it "
                    + "or separate with commas (GAZETTE_TRUSTED_PROXY, default none: the peer is the client).")
    List<String> trustedProxies;

    @Option(
            names = "--search-index",
            paramLabel = "DIR",
            description = "Folder of this instance's search index, rebuilt from the database when missing; never share"
                    + " it between instances (GAZETTE_SEARCH_INDEX, default <data>/search-index).")
    Path searchIndexDir;

    @Option(
            names = "--purge-url",
            paramLabel = "URL",
            split = ",",
            description = "Cache in front to purge on every change (PURGE with an xkey-purge header naming the changed"
                    + " keys, as docs/deploy/varnish.vcl takes it); repeat it or separate with commas"
                    + " (GAZETTE_PURGE_URL, default none).")
    List<String> purgeUrls;

    @Option(
            names = "--cache-tag-header",
            description = "Pages also carry their keys in Cache-Tag, comma-separated, for CDNs that purge by it"
                    + " (GAZETTE_CACHE_TAG_HEADER).")
    boolean cacheTagHeader;

    @Option(
            names = "--websub-hub",
            paramLabel = "URL",
            split = ",",
            description = "Another WebSub hub to name in every feed and to tell of each change to the site's feeds"
                    + " (hub.mode=publish); repeat it or separate with commas (GAZETTE_WEBSUB_HUB, default none:"
                    + " only Gazette's own hub at /websub).")
    List<String> webSubHubs;

    @Option(
            names = "--websub-allow-private-callbacks",
            description = "Let WebSub subscribers' callbacks be loopback, private, link-local or multicast addresses,"
                    + " for an intranet (GAZETTE_WEBSUB_ALLOW_PRIVATE_CALLBACKS; refused by default).")
    boolean webSubPrivateCallbacks;

    /** Only from the environment: a password on the command line would show in {@code ps}. */
    String adminPassword;

    @Option(
            names = "--dev",
            description = "Development mode: reload templates/ and static/ from the working folder (GAZETTE_DEV).")
    boolean dev;

    static CommandLine commandLine(CommandLineOptions options, Map<String, String> env) {
        options.adminPassword = env.get("GAZETTE_ADMIN_PASSWORD");
        CommandLine cli = new CommandLine(options);
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        return cli;
    }

    static CommandLineOptions parse(String[] args, Map<String, String> env) {
        CommandLineOptions options = new CommandLineOptions();
        try {
            commandLine(options, env).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new Config.InvalidConfigException(e.getMessage());
        }
        return options;
    }

    Config toConfig() {
        String url = baseUrl == null || baseUrl.isBlank() ? "http://127.0.0.1:" + port : baseUrl;
        return new Config(
                host,
                port,
                dataDir,
                url,
                jdbcUrl,
                siteName,
                siteDescription,
                language,
                dev ? Path.of("templates") : null,
                dev ? Path.of("static") : null,
                mediaDir,
                adminPassword,
                metricsToken,
                trustedProxies,
                searchIndexDir,
                proxyOptions(),
                zone(),
                webSubOptions());
    }

    private java.time.ZoneId zone() {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return java.time.ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException e) {
            throw new Config.InvalidConfigException(
                    "unknown time zone " + timeZone.strip() + ": use a name such as Europe/Berlin or America/New_York");
        }
    }

    private WebSubOptions webSubOptions() {
        try {
            return WebSubOptions.of(webSubHubs, webSubPrivateCallbacks);
        } catch (IllegalArgumentException e) {
            throw new Config.InvalidConfigException(e.getMessage());
        }
    }

    private ProxyOptions proxyOptions() {
        try {
            return ProxyOptions.of(purgeUrls, cacheTagHeader);
        } catch (IllegalArgumentException e) {
            throw new Config.InvalidConfigException(e.getMessage());
        }
    }

    /** Maps {@code --base-url} to {@code GAZETTE_BASE_URL} and so on; unset variables keep the annotated default. */
    private record EnvironmentDefaults(Map<String, String> env) implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec spec) {
            if (spec instanceof CommandLine.Model.OptionSpec option
                    && option.longestName().startsWith("--")) {
                String name = "GAZETTE_"
                        + option.longestName().substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return spec.defaultValue();
        }
    }
}
