package id.laporwarga.platform.photo;

import id.laporwarga.testkit.RepositoryFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PublicPhotoCopyTest {

    @Test
    void thePublicCopyCarriesNoMakeModelSerialOrGpsButTheSamePicture() throws Exception {
        byte[] original = RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg");
        assertTrue(hasTag(original, "Make"));

        byte[] copy = PublicPhotoCopy.withoutDeviceMetadata(original);

        for (String tag : new String[] {"Make", "Model", "Body Serial Number", "GPS Latitude", "Makernote"}) {
            assertFalse(hasTag(copy, tag), tag);
        }
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
        assertNotNull(b);
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getRGB(320, 240), b.getRGB(320, 240));
        assertTrue(copy.length < original.length);
    }

    @Test
    void onlyJpegCopiesAreMade() {
        assertThrows(InvalidImageException.class, () -> PublicPhotoCopy.withoutDeviceMetadata(TestPhotos.png(null)));
    }

    private static boolean hasTag(byte[] jpeg, String name) throws Exception {
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
        for (Directory d : m.getDirectories()) {
            for (Tag t : d.getTags()) {
                if (t.getTagName().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
