package id.laporwarga.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.junit.jupiter.api.Test;

/** The photo tagger writes what it is asked, and the sample points are the surveyed ones. */
class TaggedPhotosTest {

    static TiffImageMetadata exif(byte[] jpeg) throws Exception {
        return ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif();
    }

    @Test
    void theNikonPhotoIsRetaggedAtTheGivenPointAndTime() throws Exception {
        SamplePoints.Point biga = SamplePoints.named("Biga");
        byte[] jpeg = TaggedPhotos.nikon(biga.latLon(), LocalDateTime.of(2026, 11, 24, 9, 30), TaggedPhotos.WITA);
        TiffImageMetadata.GpsInfo gps = exif(jpeg).getGpsInfo();
        assertEquals(biga.lat(), gps.getLatitudeAsDegreesNorth(), 1e-5);
        assertEquals(biga.lon(), gps.getLongitudeAsDegreesEast(), 1e-5);
        assertEquals("2026:11:24 09:30:00", exif(jpeg).getFieldValue(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL)[0]);
        assertEquals(TaggedPhotos.WITA, exif(jpeg).getFieldValue(TaggedPhotos.OFFSET_TIME_ORIGINAL)[0]);
        assertNull(exif(TaggedPhotos.nikon(null, LocalDateTime.now(), TaggedPhotos.WITA)).getGpsInfo());
    }

    @Test
    void aNoiseJpegHasAboutTheAskedSize() {
        int size = TaggedPhotos.noiseJpeg(200_000).length;
        assertTrue(size >= 180_000 && size <= 260_000, "size " + size);
    }

    @Test
    void thePointsAreTheSurveyedRowsInsideAndOutsideTheCity() {
        assertEquals(SamplePoints.all().size(), SamplePoints.inside().size() + SamplePoints.outside().size());
        assertTrue(SamplePoints.outside().size() > 0 && SamplePoints.inside().size() > 30);
        assertEquals("71.74.01.1005", SamplePoints.named("Biga").code());
        assertEquals("71.74.01", SamplePoints.named("Biga").column("expect_kecamatan_kode"));
    }
}
