package news.gazette.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSub subscriber for tests: a real HTTP server on {@code 127.0.0.1} and a free port (the JDK's
 * {@code HttpServer}), whose callback answers the hub's verifications of intent and records the content the hub
 * delivers. It checks each delivery's {@code X-Hub-Signature} with the secret it subscribed with, independently of
 * the hub's code (its own {@code javax.crypto.Mac}).
 *
 * <pre>{@code
 * try (TestSubscriber subscriber = TestSubscriber.start()) {
 *     subscriber.subscribe(hubUrl, topicUrl, "s3cret");      // 202, then waits until the hub verified
 *     ... publish a story ...
 *     TestSubscriber.Delivery d = subscriber.awaitDelivery(x -> x.text().contains("Headline"), Duration.ofSeconds(5));
 *     assertThat(d.signatureValid()).isTrue();
 * }
 * }</pre>
 *
 * A hub that refuses loopback callbacks (Gazette's default) must be told to allow them: in a {@code TestSite},
 * {@code TestSite.create(c -> c.withWebSubPrivateCallbacks(true))}.
 */
public final class TestSubscriber implements AutoCloseable {

    /** One delivery as it arrived. */
    public record Delivery(
            byte[] body, String contentType, Map<String, List<String>> headers, boolean signatureValid, Instant at) {

        /** The body as UTF-8 text (every feed Gazette serves is). */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The first value of a header, or null; names are matched ignoring case. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        /** The topic the delivery names in its {@code Link: <...>; rel="self"}, or null. */
        public String topic() {
            return link("self");
        }

        /** The hub the delivery names in its {@code Link: <...>; rel="hub"}, or null. */
        public String hub() {
            return link("hub");
        }

        private String link(String rel) {
            String links = header("Link");
            if (links == null) {
                return null;
            }
            Matcher m =
                    Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?" + rel + "\"?").matcher(links);
            return m.find() ? m.group(1) : null;
        }
    }

    /** One verification of intent the hub asked for, and whether this subscriber confirmed it. */
    public record Verification(String mode, String topic, String challenge, String leaseSeconds, boolean confirmed) {}

    private static final String CALLBACK_PATH = "/callback";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Verification> verifications = new CopyOnWriteArrayList<>();
    private final List<Instant> failedDeliveries = new CopyOnWriteArrayList<>();
    // The secret of each topic as last subscribed with; a topic without one must come unsigned.
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    // What mode and topic this subscriber currently intends, as the spec has it check "hub.topic" against its own.
    private final Map<String, String> intents = new ConcurrentHashMap<>();
    private volatile boolean refuseVerifications;
    private volatile boolean down;

    private TestSubscriber(HttpServer server) {
        this.server = server;
        server.createContext(CALLBACK_PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a subscriber on {@code 127.0.0.1} and a free port. */
    public static TestSubscriber start() {
        try {
            return new TestSubscriber(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The callback URL the hub is given, e.g. {@code http://127.0.0.1:40123/callback}. */
    public String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
    }

    /**
     * Asks {@code hubUrl} to subscribe this callback to {@code topicUrl}, with {@code secret} (or null for unsigned
     * deliveries); requires {@code 202} and waits up to ten seconds until this subscriber confirmed the hub's
     * verification. The hub stores the subscription as soon as it reads the confirmation, and a change made from the
     * moment it asked for it is delivered.
     */
    public void subscribe(String hubUrl, String topicUrl, String secret) {
        subscribe(hubUrl, topicUrl, secret, null);
    }

    /** As {@link #subscribe(String, String, String)}, asking for a lease of {@code leaseSeconds} (null: none). */
    public void subscribe(String hubUrl, String topicUrl, String secret, Integer leaseSeconds) {
        if (secret == null) {
            secrets.remove(topicUrl);
        } else {
            secrets.put(topicUrl, secret);
        }
        intents.put(topicUrl, "subscribe");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", topicUrl);
        form.put("hub.callback", callbackUrl());
        if (secret != null) {
            form.put("hub.secret", secret);
        }
        if (leaseSeconds != null) {
            form.put("hub.lease_seconds", String.valueOf(leaseSeconds));
        }
        requestAndAwait(hubUrl, form, "subscribe", topicUrl);
    }

    /** Asks the hub to unsubscribe from {@code topicUrl}; requires 202 and waits until it confirmed the verification. */
    public void unsubscribe(String hubUrl, String topicUrl) {
        intents.put(topicUrl, "unsubscribe");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "unsubscribe");
        form.put("hub.topic", topicUrl);
        form.put("hub.callback", callbackUrl());
        requestAndAwait(hubUrl, form, "unsubscribe", topicUrl);
    }

    /**
     * Sends a subscription request as given (any fields, any values) and returns the hub's status and body, without
     * waiting for anything: for tests of what the hub refuses.
     */
    public HubAnswer send(String hubUrl, Map<String, String> form) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(hubUrl))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(SubscriberWire.encode(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HubAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hub's answer to a subscription request. */
    public record HubAnswer(int status, String body) {}

    /** When true, verifications are refused with 404 (as the spec has a subscriber refuse one it did not ask for). */
    public void refuseVerifications(boolean refuse) {
        this.refuseVerifications = refuse;
    }

    /** When true, the callback answers every request 500, as a subscriber that is down; false brings it back. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Every delivery received, in order of arrival. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every verification the hub asked for, in order. */
    public List<Verification> verifications() {
        return List.copyOf(verifications);
    }

    /** When each delivery that arrived while {@link #down} was answered 500. */
    public List<Instant> failedDeliveries() {
        return List.copyOf(failedDeliveries);
    }

    /** Waits up to {@code within} for a delivery that {@code matches}, and returns it; fails the test when none came. */
    public Delivery awaitDelivery(Predicate<Delivery> matches, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (Delivery delivery : deliveries) {
                if (matches.test(delivery)) {
                    return delivery;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching delivery within " + within + "; received " + deliveries.size());
            }
            pause();
        }
    }

    /** Stops the server: the callback's port is closed from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void requestAndAwait(String hubUrl, Map<String, String> form, String mode, String topic) {
        int before = confirmedCount(mode, topic);
        HubAnswer answer = send(hubUrl, form);
        if (answer.status() != 202) {
            throw new AssertionError("hub answered " + answer.status() + " to " + mode + ": " + answer.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (confirmedCount(mode, topic) == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the hub did not verify the " + mode + " of " + topic + " within 10 s");
            }
            pause();
        }
    }

    private int confirmedCount(String mode, String topic) {
        return (int) verifications.stream()
                .filter(v -> v.confirmed() && v.mode().equals(mode) && v.topic().equals(topic))
                .count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                verification(exchange);
            } else if (exchange.getRequestMethod().equals("POST")) {
                delivery(exchange);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void verification(HttpExchange exchange) throws IOException {
        Map<String, String> query =
                SubscriberWire.decode(exchange.getRequestURI().getRawQuery());
        String mode = query.getOrDefault("hub.mode", "");
        String topic = query.getOrDefault("hub.topic", "");
        String challenge = query.get("hub.challenge");
        boolean confirm = !down && !refuseVerifications && challenge != null && mode.equals(intents.get(topic));
        if (confirm) {
            byte[] body = challenge.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(down ? 500 : 404, -1);
        }
        // Recorded once answered, so that a test waiting for it knows the hub has its answer on the way.
        verifications.add(new Verification(mode, topic, challenge, query.get("hub.lease_seconds"), confirm));
    }

    private void delivery(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (down) {
            failedDeliveries.add(Instant.now());
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Delivery delivery = new Delivery(
                body, exchange.getRequestHeaders().getFirst("Content-Type"), Map.copyOf(headers), false, Instant.now());
        boolean valid =
                SubscriberWire.signatureValid(secrets.get(delivery.topic()), delivery.header("X-Hub-Signature"), body);
        deliveries.add(new Delivery(body, delivery.contentType(), delivery.headers(), valid, delivery.at()));
        exchange.sendResponseHeaders(204, -1);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
