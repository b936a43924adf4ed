package id.laporwarga.platform.photo;

/** The object is not an image of a supported format, or its structure is broken. */
public class InvalidImageException extends Exception {
    public InvalidImageException(String message) {
        super(message);
    }
}
