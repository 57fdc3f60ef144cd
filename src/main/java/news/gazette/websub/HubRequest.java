package news.gazette.websub;

/**
 * A subscriber's request to the hub, checked: what {@link IntentVerifier} asks the callback to confirm.
 *
 * @param leaseSeconds the lease the hub grants (the one asked for, within the hub's bounds); unused to unsubscribe
 * @param secret the subscriber's {@code hub.secret}, or null for unsigned deliveries
 */
record HubRequest(Mode mode, String topic, String callback, int leaseSeconds, String secret) {

    enum Mode {
        SUBSCRIBE("subscribe"),
        UNSUBSCRIBE("unsubscribe");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }

        static Mode of(String value) {
            for (Mode mode : values()) {
                if (mode.value.equals(value)) {
                    return mode;
                }
            }
            return null;
        }
    }
}
