package news.gazette.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import news.gazette.change.ChangeKey;

/**
 * Rendered public pages held in memory, invalidated by what changed rather than expired by a guess.
 *
 * <p>Wrap any GET handler with {@link #cached}: the first request renders the page as usual; its status-200 body is
 * kept with a gzip copy and strong ETags, and later requests get those bytes (or a 304) without touching the database
 * or the templates. While rendering, a handler names what the page shows with {@link #dependsOn} ({@link ChangeKey}s such as
 * {@code story:12}, {@code tag:3}, {@code list}); a page that names nothing depends on {@link ChangeKey#ANY}, which every
 * change carries. {@link SiteChangePoller} feeds the changes in, from this instance and from every other one sharing the
 * database. With {@link #lastModified} it says when what it shows last changed, which becomes its
 * {@code Last-Modified}.
 *
 * <p>Responses carry what a shared cache in front needs ({@link ProxyHeaders}): the page's keys to purge it by, and a
 * {@code Cache-Control} that lets the shared cache keep it for a minute (less when a scheduled story is due sooner)
 * while browsers revalidate each time, which costs us a 304 from memory. A page whose render overlapped a change is sent
 * {@code private, no-cache}, as it may show the old data.
 */
public final class PageCache {

    /** Where {@code App.create} leaves the cache, for tests and tools that hold only the {@code Javalin}. */
    public static final Key<PageCache> KEY = new Key<>("gazette.page-cache");

    static final String CACHE_CONTROL = ProxyHeaders.FULL;
    static final String STATUS_HEADER = "X-Gazette-Cache";
    private static final long RENDER_WAIT_SECONDS = 10;

    // Once the cache is this full, a page is kept only on its second miss (Admission).
    private static final double NEARLY_FULL = 0.75;
    private static final int ADMISSION_SLOTS = 1 << 16;

    private final Cache<String, CachedPage> pages;
    private final long maxBytes;
    private final Admission admission = new Admission(ADMISSION_SLOTS);
    private final Clock clock;
    private final ProxyHeaders proxyHeaders;
    // The lane of routes cached without one of their own; null renders every miss at once.
    private final RenderLane defaultLane;
    // When the next scheduled story goes live: pages rendered before then expire at that moment.
    private volatile Instant nextExpiry;
    // Bumped by every invalidation: a page whose rendering overlapped one is not kept, as it may show the old data.
    private final AtomicLong generation = new AtomicLong();
    // Renders under way, by key: when a spike meets a just-invalidated page, one request renders it and the others
    // wait for its bytes instead of all running the same queries at once.
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    private final PageKeys keys = new PageKeys();
    private final PageBytes bytes;
    private final Counter hits;
    private final Counter misses;
    private final Counter invalidated;

    /**
     * @param maxBytes bound on the bodies and gzip copies held, roughly their heap size
     */
    public PageCache(long maxBytes, Clock clock, MeterRegistry registry) {
        this(maxBytes, clock, registry, null);
    }

    /**
     * @param defaultLane bounds the misses of every route cached without a lane of its own; null for no bound
     */
    public PageCache(long maxBytes, Clock clock, MeterRegistry registry, RenderLane defaultLane) {
        this(maxBytes, clock, registry, defaultLane, new ProxyHeaders(false));
    }

    /** @param proxyHeaders which key headers pages carry for the caches in front */
    public PageCache(
            long maxBytes, Clock clock, MeterRegistry registry, RenderLane defaultLane, ProxyHeaders proxyHeaders) {
        this.defaultLane = defaultLane;
        this.proxyHeaders = proxyHeaders;
        this.maxBytes = maxBytes;
        // Caffeine's upkeep runs on the request's own thread: handing it to the common pool woke a thread on every
        // write, a few percent of a crawl's processor in futex calls (async-profiler).
        this.pages = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(maxBytes)
                .weigher((String key, CachedPage page) -> page.weight())
                .build();
        this.clock = clock;
        this.bytes = new PageBytes(clock);
        this.hits = Counter.builder("gazette.cache.requests")
                .description("Public page requests answered from the page cache (hit) or rendered (miss)")
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder("gazette.cache.requests")
                .description("Public page requests answered from the page cache (hit) or rendered (miss)")
                .tag("result", "miss")
                .register(registry);
        this.invalidated = Counter.builder("gazette.cache.invalidated")
                .description("Cached pages dropped because something they show changed")
                .register(registry);
        Gauge.builder("gazette.cache.pages", pages, c -> c.estimatedSize())
                .description("Pages held in the page cache")
                .register(registry);
        Gauge.builder("gazette.cache.bytes", this, PageCache::bytesHeld)
                .description("Approximate bytes held in the page cache")
                .register(registry);
    }

    /**
     * {@code handler}, answered from the cache. The key is the path plus only the named query parameters, so that
     * made-up parameters cannot fill the cache with copies of one page.
     */
    public Handler cached(Handler handler, String... queryParameters) {
        return cached(defaultLane, handler, queryParameters);
    }

    /** As {@link #cached(Handler, String...)}, with misses rendered in {@code lane} (null: no bound). */
    public Handler cached(RenderLane lane, Handler handler, String... queryParameters) {
        String[] names = queryParameters.clone();
        Arrays.sort(names);
        return ctx -> serve(ctx, lane, handler, names);
    }

    /** Declares, while rendering, what the page shows; the page is dropped when any of these keys changes. */
    public static void dependsOn(Context ctx, ChangeKey... keys) {
        PageDeclarations.dependsOn(ctx, keys);
    }

    /** Keeps this one response out of the cache (it varies by something other than its address). */
    public static void doNotCache(Context ctx) {
        PageDeclarations.doNotCache(ctx);
    }

    /**
     * Declares, while rendering, that the page must be rendered again at {@code moment} even if nothing is written
     * (a list bounded by time, such as the news sitemap's last two days). The earliest declared moment wins.
     */
    public static void expiresAt(Context ctx, Instant moment) {
        PageDeclarations.expiresAt(ctx, moment);
    }

    /**
     * Declares, while rendering, when something the page shows last changed; the newest declared moment wins and is
     * the page's {@code Last-Modified}. A page that declares nothing is dated when it is rendered.
     */
    public static void lastModified(Context ctx, Instant moment) {
        PageDeclarations.lastModified(ctx, moment);
    }

    /** Whether this request was answered from the cache (with the page or a 304). */
    public static boolean answeredFromCache(Context ctx) {
        return PageDeclarations.isHit(ctx);
    }

    /** Drops every page that depends on any of {@code keys}. */
    public void invalidate(Collection<ChangeKey> keys) {
        generation.incrementAndGet();
        pages.asMap().entrySet().removeIf(entry -> {
            boolean stale = entry.getValue().dependsOnAny(keys);
            if (stale) {
                invalidated.increment();
            }
            return stale;
        });
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        invalidated.increment(pages.estimatedSize());
        pages.invalidateAll();
    }

    /** Pages rendered from now on expire at {@code moment} (the next scheduled publication), or never if null. */
    public void expireAt(Instant moment) {
        nextExpiry = moment;
    }

    /** The lane of routes cached without one of their own, or null. */
    public RenderLane defaultLane() {
        return defaultLane;
    }

    Instant nextExpiry() {
        return nextExpiry;
    }

    /** Whether the page at {@code key} (path, then {@code ?name=value&...} of the kept parameters) is cached. */
    public boolean contains(String key) {
        return pages.getIfPresent(key) != null;
    }

    /**
     * For the fast path: the valid page for a request to {@code path} with the raw query string {@code query} (or
     * null), counted as a hit; null when there is none or when only Javalin can tell (a query it would decode
     * differently, a route whose parameters this cache has not met yet).
     */
    CachedPage fresh(String path, String query) {
        CachedPage page;
        if (query == null) {
            page = valid(path);
        } else if (!keys.countsParameters(path)) {
            // Only a route that ignores every parameter may answer from the page kept under the bare path.
            page = valid(path);
            if (page != null && !page.ignoresQuery()) {
                page = null;
            }
        } else {
            String key = keys.ofRaw(path, query);
            page = key == null ? null : valid(key);
        }
        if (page != null) {
            hits.increment();
        }
        return page;
    }

    /** The page's {@code Cache-Control} now: a shared copy must not outlive the moment it is due again. */
    String cacheControl(CachedPage page) {
        return ProxyHeaders.cacheControl(page.validUntil(), clock.instant());
    }

    private CachedPage valid(String key) {
        CachedPage page = pages.getIfPresent(key);
        return page == null || !clock.instant().isBefore(page.validUntil()) ? null : page;
    }

    private void serve(Context ctx, RenderLane lane, Handler handler, String[] queryParameters) throws Exception {
        String key = keys.of(ctx, queryParameters);
        Instant now = clock.instant();
        CachedPage page = pages.getIfPresent(key);
        if (page != null && now.isBefore(page.validUntil())) {
            hits.increment();
            ctx.header(STATUS_HEADER, "hit");
            PageDeclarations.markHit(ctx);
            CachedResponse.send(ctx, page, cacheControl(page));
            return;
        }
        CompletableFuture<CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPage> leader = rendering.putIfAbsent(key, mine);
        if (leader != null) {
            page = awaitQuietly(leader);
            if (page != null) {
                hits.increment();
                ctx.header(STATUS_HEADER, "hit");
                PageDeclarations.markHit(ctx);
                CachedResponse.send(ctx, page, cacheControl(page));
                return;
            }
            // The other render was not cacheable (an error, a redirect): render this one as usual.
            mine = null;
        }
        try {
            page = renderInLane(ctx, lane, handler, key, queryParameters.length == 0);
        } finally {
            if (mine != null) {
                rendering.remove(key, mine);
                mine.complete(page);
            }
        }
    }

    private static CachedPage awaitQuietly(CompletableFuture<CachedPage> leader) {
        try {
            return leader.get(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * Renders once {@code lane} admits it; a miss the lane cannot admit in time is answered 503 with
     * {@code Retry-After}, never kept, and requests waiting for it render for themselves (or are refused in turn).
     */
    private CachedPage renderInLane(Context ctx, RenderLane lane, Handler handler, String key, boolean ignoresQuery)
            throws Exception {
        if (lane == null) {
            return renderAndKeep(ctx, handler, key, ignoresQuery);
        }
        RenderLane.Permit permit = lane.enter();
        if (permit == null) {
            ctx.header(STATUS_HEADER, "busy");
            ctx.header("Retry-After", String.valueOf(lane.retryAfterSeconds()));
            ctx.status(503);
            return null;
        }
        try (permit) {
            return renderAndKeep(ctx, handler, key, ignoresQuery);
        }
    }

    /** Runs the handler and sends its answer, keeping it if it is a cacheable page; returns the page kept, or null. */
    private CachedPage renderAndKeep(Context ctx, Handler handler, String key, boolean ignoresQuery) throws Exception {
        misses.increment();
        ctx.header(STATUS_HEADER, "miss");
        long started = generation.get();
        Instant next = nextExpiry;
        handler.handle(ctx);
        PageBytes.Render render = PageDeclarations.read(ctx, key, next, ignoresQuery, proxyHeaders);
        if (render == null) {
            return null;
        }
        boolean current = generation.get() == started;
        boolean keep = current && admission.admits(key, bytesHeld() >= NEARLY_FULL * maxBytes);
        // A page that is not kept is compressed only for a client that asks for it, and then quickly: a crawl's
        // pages are mostly of that kind.
        PageBytes.Compression compression = keep
                ? PageBytes.Compression.KEPT
                : CachedResponse.acceptsGzip(ctx.header("Accept-Encoding"))
                        ? PageBytes.Compression.ONCE
                        : PageBytes.Compression.NONE;
        CachedPage page = bytes.page(render, compression);
        if (keep) {
            pages.put(key, page);
            // An invalidation between the check and the put would have missed this page: drop it again.
            if (generation.get() != started) {
                pages.invalidate(key);
                current = false;
            }
        }
        CachedResponse.send(ctx, page, current ? cacheControl(page) : ProxyHeaders.OVERLAPPED);
        // Requests waiting for this render get it only if it is current; otherwise they render for themselves.
        return current ? page : null;
    }

    private long bytesHeld() {
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
