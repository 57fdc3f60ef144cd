package news.gazette.websub;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import news.gazette.db.Jdbc;
import news.gazette.feed.FeedFormat;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * Gazette's WebSub hub (W3C WebSub), wired: {@code POST /websub} takes subscriptions, every change the change poller
 * applies may deliver the feeds' new versions to their subscribers and ping the external hubs. Everything another
 * instance needs is in the database (V69); each instance runs its own threads, and each delivery is sent by one.
 */
public final class WebSub implements AutoCloseable {

    /** Where the hub takes subscription requests, under the site's base URL. */
    public static final String PATH = "/websub";

    private final String host;
    private final List<String> hubUrls;
    private final List<String> externalHubs;
    private final List<String> pingedTopics;
    private final LocalFeeds feeds = new LocalFeeds();
    private final HubPings pings;
    private final IntentVerifier verifier;
    private final HubHandlers handlers;
    private final Distributor distributor;
    private Server server;

    /**
     * @param host the interface the server listens on, to reach it on loopback
     * @param baseUrl the site's public URL; topics and the hub's own URL are under it
     */
    public WebSub(WebSubOptions options, String host, String baseUrl, Jdbc jdbc, Clock clock) {
        this.host = host;
        String ownHub = baseUrl + PATH;
        this.externalHubs = options.externalHubs().stream().map(URI::toString).toList();
        List<String> hubs = new ArrayList<>(List.of(ownHub));
        externalHubs.stream().filter(h -> !hubs.contains(h)).forEach(hubs::add);
        this.hubUrls = List.copyOf(hubs);
        // The site's own feeds: what a publish ping tells the external hubs of.
        this.pingedTopics = java.util.Arrays.stream(FeedFormat.values())
                .map(format -> baseUrl + format.path())
                .toList();
        Topics topics = new Topics(baseUrl);
        Callbacks callbacks = new Callbacks(options.allowPrivateCallbacks());
        Outgoing outgoing = new Outgoing();
        Subscriptions subscriptions = new Subscriptions(jdbc);
        this.pings = new HubPings(jdbc);
        SubscriptionLimits limits = new SubscriptionLimits(subscriptions, clock);
        Sends sends = new Sends(
                subscriptions, pings, topics, feeds, callbacks, outgoing, ownHub, options.retryDelays(), clock);
        this.distributor = new Distributor(subscriptions, pings, sends, topics, feeds, clock);
        this.verifier = new IntentVerifier(
                subscriptions, topics, feeds, callbacks, outgoing, limits, clock, distributor::feedsMayHaveChanged);
        this.handlers = new HubHandlers(topics, feeds, callbacks, subscriptions, limits, verifier);
    }

    /** The hubs every feed names: Gazette's own first, then each {@code --websub-hub}. */
    public List<String> hubUrls() {
        return hubUrls;
    }

    public void register(JavalinConfig c) {
        c.routes.post(PATH, handlers::request);
    }

    /** The Jetty server the site runs on, whose port the hub reads its own feeds from once it is started. */
    public void runsOn(Server jetty) {
        this.server = jetty;
    }

    /** Once the server listens. */
    public void start() {
        int port = server == null ? 0 : ((NetworkConnector) server.getConnectors()[0]).getLocalPort();
        feeds.serveFrom(host, port);
        pings.keepOnly(externalHubs, pingedTopics);
        distributor.start();
    }

    /** After this instance dropped the pages a change made stale; returns at once. */
    public void changed() {
        distributor.feedsMayHaveChanged();
    }

    /** Before the pool closes: the threads stop using it. */
    @Override
    public void close() {
        verifier.close();
        distributor.close();
    }
}
