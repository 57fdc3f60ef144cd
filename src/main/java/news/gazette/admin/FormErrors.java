package news.gazette.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Messages for the fields of a form that did not validate, in the order the fields appear. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }

    public Iterable<Map.Entry<String, String>> entries() {
        return byField.entrySet();
    }

    /** For {@code aria-describedby} and {@code aria-invalid}: the id of the field's message, or null. */
    public String describedBy(String field) {
        return has(field) ? field + "-error" : null;
    }

    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /** Checks a text's length, with a message that says the limit. */
    public void checkLength(String field, String label, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, label + " is too long: " + value.length() + " characters, at most " + max + ".");
        }
    }
}
