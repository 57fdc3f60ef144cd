package news.gazette.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A cached page's own response headers, encoded to bytes once when the page is rendered, for each of the four answers
 * the fast path gives: the page plain or gzipped, and a 304 for either.
 */
record WireHeaders(HttpField[] plain, HttpField[] gzipped, HttpField[] plainNotModified, HttpField[] gzipNotModified) {

    static WireHeaders of(
            String contentType,
            int plainLength,
            Integer gzipLength,
            String etag,
            String gzipEtag,
            String lastModified,
            List<Map.Entry<String, String>> ownHeaders) {
        List<HttpField> common = new ArrayList<>();
        common.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified));
        for (Map.Entry<String, String> header : ownHeaders) {
            common.add(new PreEncodedHttpField(header.getKey(), header.getValue()));
        }
        HttpField type = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType);
        HttpField plainTag = new PreEncodedHttpField(HttpHeader.ETAG, etag);
        HttpField gzipTag = new PreEncodedHttpField(HttpHeader.ETAG, gzipEtag);
        return new WireHeaders(
                fields(common, plainTag, type, new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, plainLength)),
                gzipLength == null
                        ? null
                        : fields(
                                common,
                                gzipTag,
                                type,
                                new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"),
                                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, gzipLength)),
                fields(common, plainTag),
                fields(common, gzipTag));
    }

    private static HttpField[] fields(List<HttpField> common, HttpField... more) {
        List<HttpField> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(HttpField[]::new);
    }
}
