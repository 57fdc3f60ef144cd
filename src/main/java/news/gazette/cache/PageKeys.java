package news.gazette.cache;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The key a page is kept under: its path, then only the query parameters its route names, so that made-up parameters
 * cannot fill the cache with copies of one page. Also what the fast path needs to find that key from a raw query string
 * without Javalin: the parameters that count at each path, learned as routes with parameters are served.
 */
final class PageKeys {

    private static final int MAX_PATHS_WITH_PARAMETERS = 64;

    // The query parameters that count, by path, for routes cached with some (search).
    private final ConcurrentHashMap<String, String[]> namedParameters = new ConcurrentHashMap<>();

    /** The key of the request, whose route counts {@code queryParameters} (sorted). */
    String of(Context ctx, String[] queryParameters) {
        if (queryParameters.length > 0 && namedParameters.size() < MAX_PATHS_WITH_PARAMETERS) {
            // Teaches the fast path which parameters count at this path (routes with parameters have fixed paths).
            namedParameters.putIfAbsent(ctx.path(), queryParameters);
        }
        return key(ctx.path(), queryParameters, ctx::queryParams);
    }

    /** Whether a route served at {@code path} is known to count some query parameters. */
    boolean countsParameters(String path) {
        return namedParameters.containsKey(path);
    }

    /**
     * The key of a request to {@code path}, a route that {@link #countsParameters}, with the raw {@code query}, as
     * Javalin would find it; null when only Javalin can tell (a query it would decode differently).
     */
    String ofRaw(String path, String query) {
        String[] names = namedParameters.get(path);
        if (names == null) {
            return null;
        }
        Map<String, List<String>> values = PlainQuery.parse(query);
        return values == null ? null : key(path, names, name -> values.getOrDefault(name, List.of()));
    }

    /** The path, then {@code ?name=value&...} for each value of each named parameter, names sorted. */
    static String key(String path, String[] queryParameters, Function<String, List<String>> values) {
        if (queryParameters.length == 0) {
            return path;
        }
        StringBuilder key = new StringBuilder(path);
        char separator = '?';
        for (String name : queryParameters) {
            for (String value : values.apply(name)) {
                key.append(separator).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return key.toString();
    }
}
