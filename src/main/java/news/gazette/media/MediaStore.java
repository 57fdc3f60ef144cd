package news.gazette.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Accepts uploaded images and keeps them in a folder that several instances can share (a mounted volume).
 *
 * <p>Every upload is decoded and written again from its pixels alone, so EXIF, GPS positions, comments and anything
 * smuggled after the image data are dropped; a JPEG's EXIF Orientation is applied to the pixels first, so a phone photo
 * stays the right way up without its tag. Photos become JPEG; images with transparency, PNGs and GIFs become PNG
 * (a GIF keeps its first frame only; WebP is decoded and re-encoded because the JDK cannot write it). Files are named
 * by a hash of the upload, so a name never changes meaning and can be cached forever.
 */
public final class MediaStore {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int MAX_SIDE = 12_000;
    private static final long MAX_PIXELS = 50_000_000L;
    /** Larger uploads are scaled down to this width: nobody needs more on a news page, and it bounds disk use. */
    private static final int MAX_STORED_WIDTH = 2400;

    static {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
    }

    private final Path folder;

    public MediaStore(Path folder) {
        this.folder = folder;
    }

    /** Validates, cleans and stores an upload, with its narrower copies; the same upload twice is stored once. */
    public StoredImage store(byte[] upload) throws RejectedImageException {
        if (upload.length == 0) {
            throw new RejectedImageException("The file is empty.");
        }
        if (upload.length > MAX_BYTES) {
            throw new RejectedImageException("The image is larger than 10 MB.");
        }
        ImageType type = ImageType.sniff(upload)
                .orElseThrow(() -> new RejectedImageException(
                        "This file is not a JPEG, PNG, WebP or GIF image. (SVG is not accepted.)"));
        BufferedImage image = decode(upload);
        if (type == ImageType.JPEG) {
            // The tag is dropped with the rest of the metadata, so its turn is made on the pixels before anything else.
            image = ExifOrientation.upright(image, ExifOrientation.of(upload));
        }
        if (image.getWidth() > MAX_STORED_WIDTH) {
            image = resize(image, MAX_STORED_WIDTH);
        }
        boolean png = type == ImageType.PNG
                || type == ImageType.GIF
                || image.getColorModel().hasAlpha();
        String extension = png ? "png" : "jpg";
        String hash = sha256(upload).substring(0, 32);
        try {
            Files.createDirectories(folder);
            write(ImageVariants.fileName(hash, 0, extension), image, png);
            for (int width : ImageVariants.WIDTHS) {
                if (width < image.getWidth()) {
                    write(ImageVariants.fileName(hash, width, extension), resize(image, width), png);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image in " + folder, e);
        }
        return new StoredImage(
                ImageVariants.PREFIX + ImageVariants.fileName(hash, 0, extension), image.getWidth(), image.getHeight());
    }

    /** The size of an uploaded image, from its stored file; empty if the URL names no stored image. */
    public Optional<StoredImage> find(String url) {
        if (!ImageVariants.isUploadedImageUrl(url)) {
            return Optional.empty();
        }
        return file(url.substring(ImageVariants.PREFIX.length())).flatMap(path -> {
            try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return Optional.empty();
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return Optional.of(new StoredImage(url, reader.getWidth(0), reader.getHeight(0)));
                } finally {
                    reader.dispose();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The size in bytes of the uploaded image at {@code url} (a {@code /media/} address, as a story names it), or -1
     * when no such file is stored. Feeds need it for enclosures.
     */
    public long sizeOf(String url) {
        if (url == null || !url.startsWith(ImageVariants.PREFIX)) {
            return -1;
        }
        return file(url.substring(ImageVariants.PREFIX.length()))
                .map(path -> {
                    try {
                        return Files.size(path);
                    } catch (IOException e) {
                        return -1L;
                    }
                })
                .orElse(-1L);
    }

    /** The stored file called {@code name}, if the name is well-formed and the file exists. */
    public Optional<Path> file(String name) {
        if (name == null || !ImageVariants.FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path path = folder.resolve(name);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Every stored file, for backups and exports. */
    public List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> ImageVariants.FILE_NAME
                                    .matcher(p.getFileName().toString())
                                    .matches()
                            && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** True for a name this store could have given a file: a content hash, a width and an extension, nothing else. */
    public static boolean isStoredName(String name) {
        return name != null && ImageVariants.FILE_NAME.matcher(name).matches();
    }

    /**
     * Stores a file from an export under its own name. Only well-formed names are accepted, so a crafted export cannot
     * write outside the folder; an existing file is kept, since a name always means the same bytes.
     */
    public void restore(String name, InputStream content) throws IOException {
        if (!isStoredName(name)) {
            throw new IOException("not a media file name: " + name);
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            return;
        }
        Path temp = Files.createTempFile(folder, "import-", ".part");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static BufferedImage decode(byte[] upload) throws RejectedImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedImageException("This image format cannot be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // Check the declared size before decoding, so a tiny file cannot claim a gigapixel canvas.
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    throw new RejectedImageException("The image is too large: at most " + MAX_SIDE + " pixels a side.");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new RejectedImageException("The image could not be read.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RejectedImageException("The image is damaged or could not be read.");
        }
    }

    private static BufferedImage resize(BufferedImage source, int width) {
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private void write(String name, BufferedImage image, boolean png) throws IOException {
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            return;
        }
        byte[] bytes = png ? encodePng(image) : encodeJpeg(image);
        Path temp = Files.createTempFile(folder, "upload-", ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] encodeJpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
