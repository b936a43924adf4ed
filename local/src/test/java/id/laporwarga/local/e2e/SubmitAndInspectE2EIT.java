package id.laporwarga.local.e2e;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3 on the whole local stack: a citizen submits over HTTP, uploads the photo with the real {@code curl} to the
 * presigned URL, reads the public view; an operator then finds the case and the photo with the AWS CLI commands the
 * runner prints.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class SubmitAndInspectE2EIT {

    @Test
    void submittedCaseAndUploadedPhotoAreInTheTableAndTheBucket() {
        assumeTrue(Commands.onPath("curl"), "curl is not installed");
        LaporApi api = new LaporApi(local());
        double[] biga = SamplePoints.named("Biga").latLon();
        Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(biga), ".jpg");

        JsonNode submission = api.submit(LaporApi.report("COMPLAINT", "JALAN_RUSAK", biga, "ANONYMOUS", null, photo));
        String trackingCode = submission.get("trackingCode").asText();
        String caseId = submission.get("caseId").asText();
        assertTrue(trackingCode.matches("KOT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"), trackingCode);
        assertEquals("AWAITING_PHOTOS", submission.get("status").asText());
        assertEquals(1, submission.get("uploads").size());
        String photoId = submission.at("/uploads/0/photoId").asText();

        LaporApi.uploadWithCurl(submission, photo);

        JsonNode view = api.publicView(trackingCode);
        assertEquals(trackingCode, view.get("trackingCode").asText());
        assertEquals("JALAN_RUSAK", view.get("category").asText());
        assertEquals("Kotamobagu Utara", view.at("/area/kecamatan").asText());
        assertEquals("Biga", view.at("/area/kelurahan").asText());
        assertFalse(view.toString().contains(caseId), "the public view is keyed by tracking code only");
        assertFalse(view.toString().contains("reporterSecret"), view.toString());

        assumeTrue(Commands.onPath("aws"), "the AWS CLI is not installed");
        Commands.Result scan = Commands.aws(local(), "dynamodb", "scan", "--table-name",
                local().stack().table("CasesTable"));
        assertEquals(0, scan.exitCode(), scan.toString());
        assertTrue(scan.stdout().contains(trackingCode), "dynamodb scan shows the tracking code");
        assertTrue(scan.stdout().contains(caseId), "dynamodb scan shows the case");

        String bucket = local().stack().bucket("PhotosBucket");
        Commands.Result ls = Commands.aws(local(), "s3", "ls", "s3://" + bucket, "--recursive");
        assertEquals(0, ls.exitCode(), ls.toString());
        assertTrue(ls.stdout().contains("photos/" + LaporApi.TENANT + "/" + caseId + "/" + photoId + ".jpg"),
                "s3 ls shows the photo's key: " + ls.stdout());
    }
}
