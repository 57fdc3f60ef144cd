package news.gazette.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the query strings the fast path is sure to read exactly as Javalin's servlet would: letters, digits and
 * {@code - . _ ~ = & +} only ({@code +} is a space). Anything with a percent escape or another character is left to
 * Javalin, so the two can never disagree about which cached page a request means.
 */
final class PlainQuery {

    private PlainQuery() {}

    /** Values by name, in order of appearance; null when the query is not plain. */
    static Map<String, List<String>> parse(String query) {
        for (int i = 0; i < query.length(); i++) {
            char ch = query.charAt(i);
            if (!isUnreserved(ch) && ch != '=' && ch != '&' && ch != '+') {
                return null;
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).replace('+', ' ');
            String value = equals < 0 ? "" : pair.substring(equals + 1).replace('+', ' ');
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** RFC 3986's unreserved characters: the same whether a URL is read raw or decoded. */
    static boolean isUnreserved(char ch) {
        return (ch >= 'a' && ch <= 'z')
                || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9')
                || ch == '-'
                || ch == '.'
                || ch == '_'
                || ch == '~';
    }
}
