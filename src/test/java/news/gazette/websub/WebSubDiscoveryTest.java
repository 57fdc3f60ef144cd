package news.gazette.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every feed names its hubs and itself, in the body and in a Link header that survives the page cache. */
@Tag(TestDatabases.BOTH)
class WebSubDiscoveryTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    // On loopback, never out on the network: no change happens here, but a ping would go to it.
    private static final String EXTERNAL = "http://127.0.0.1:9/external-hub";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void rss_atom_and_json_feeds_name_every_hub_and_their_own_url() {
        TestSite site = TestSite.create(c -> c.withWebSub(c.websub().withExternalHubs(URI.create(EXTERNAL))));
        JavalinTest.test(site.app, (server, client) -> {
            String ownHub = site.config.baseUrl() + "/websub";
            for (String base : List.of("", "/tags/ai", "/corrections")) {
                String rssPath = base + "/feed.xml";
                Document rss = xml(client.get(rssPath).body().string());
                assertThat(links(rss, "hub")).as(rssPath).containsExactly(ownHub, EXTERNAL);
                assertThat(links(rss, "self")).as(rssPath).containsExactly(Hub.topic(site, rssPath));

                String atomPath = base + "/atom.xml";
                Document atom = xml(client.get(atomPath).body().string());
                assertThat(links(atom, "hub")).as(atomPath).containsExactly(ownHub, EXTERNAL);
                assertThat(links(atom, "self")).as(atomPath).containsExactly(Hub.topic(site, atomPath));

                String jsonPath = base + "/feed.json";
                JsonNode json =
                        new ObjectMapper().readTree(client.get(jsonPath).body().string());
                assertThat(json.path("feed_url").asText()).isEqualTo(Hub.topic(site, jsonPath));
                assertThat(json.path("hubs")).hasSize(2);
                assertThat(json.path("hubs").get(0).path("type").asText()).isEqualTo("WebSub");
                assertThat(json.path("hubs").get(0).path("url").asText()).isEqualTo(ownHub);
                assertThat(json.path("hubs").get(1).path("url").asText()).isEqualTo(EXTERNAL);
            }
        });
    }

    @Test
    void the_link_header_comes_with_misses_hits_heads_and_304s_on_both_roads() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String path : List.of("/feed.xml", "/atom.xml", "/feed.json", "/tags/ai/atom.xml")) {
                String expected = "<" + site.config.baseUrl() + "/websub>; rel=\"hub\", <" + Hub.topic(site, path)
                        + ">; rel=\"self\"";
                HttpResponse<Void> miss = get(server.port(), path, "GET", null);
                assertThat(miss.headers().firstValue("X-Gazette-Cache"))
                        .as(path)
                        .hasValue("miss");
                assertThat(miss.headers().firstValue("Link")).as(path).hasValue(expected);

                // A plain path is answered by the Jetty fast path; a query string goes through Javalin's road.
                for (String asked : List.of(path, path + "?utm_source=x")) {
                    HttpResponse<Void> hit = get(server.port(), asked, "GET", null);
                    assertThat(hit.headers().firstValue("X-Gazette-Cache"))
                            .as(asked)
                            .hasValue("hit");
                    assertThat(hit.headers().allValues("Link")).as(asked).containsExactly(expected);

                    HttpResponse<Void> head = get(server.port(), asked, "HEAD", null);
                    assertThat(head.headers().firstValue("Link")).as(asked).hasValue(expected);

                    String etag = hit.headers().firstValue("ETag").orElseThrow();
                    HttpResponse<Void> notModified = get(server.port(), asked, "GET", etag);
                    assertThat(notModified.statusCode()).as(asked).isEqualTo(304);
                    assertThat(notModified.headers().firstValue("Link"))
                            .as(asked)
                            .hasValue(expected);
                }
            }
        });
    }

    private static HttpResponse<Void> get(int port, String path, String method, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The hrefs of Atom-namespace links with {@code rel}, anywhere in the document. */
    private static List<String> links(Document doc, String rel) {
        NodeList links = doc.getElementsByTagNameNS(ATOM, "link");
        List<String> hrefs = new java.util.ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (rel.equals(link.getAttribute("rel"))) {
                hrefs.add(link.getAttribute("href"));
            }
        }
        return hrefs;
    }
}
