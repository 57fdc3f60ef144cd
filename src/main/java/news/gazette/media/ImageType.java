package news.gazette.media;

import java.util.Optional;

/** The image formats the newsroom may upload, recognised by their first bytes, never by name or declared type. */
enum ImageType {
    JPEG,
    PNG,
    GIF,
    WEBP;

    static Optional<ImageType> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, "GIF87a".getBytes()) || startsWith(b, 0, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, "RIFF".getBytes()) && startsWith(b, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
