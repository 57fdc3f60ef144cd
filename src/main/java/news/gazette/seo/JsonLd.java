package news.gazette.seo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Structured data for a {@code <script type="application/ld+json">} element. Serialised by Jackson, then every
 * {@code <}, {@code >} and {@code &} (which can only occur inside JSON strings) becomes a {@code \\u} escape, so no
 * headline can close the script element early. Only this class creates it.
 */
public final class JsonLd implements Content {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;

    private JsonLd(String json) {
        this.json = json;
    }

    public static JsonLd of(Object value) {
        try {
            String json = JSON.writeValueAsString(value);
            return new JsonLd(
                    json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD could not be written", e);
        }
    }

    public String json() {
        return json;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(json);
    }

    @Override
    public String toString() {
        return json;
    }
}
