package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.CaseAttachments;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The attachments of a case's actions in the photos bucket (under {@link ReviewService#attachmentPrefix}): one
 * ListObjectsV2 of at most 50 keys. A failed listing is logged and answers none: the case view still works.
 */
@Singleton
public class S3CaseAttachments implements CaseAttachments {
    private static final JsonLog LOG = JsonLog.get(S3CaseAttachments.class);
    static final int MAX_KEYS = 50;

    private final S3Client s3;
    private final String bucket;

    public S3CaseAttachments(S3Client s3, FunctionEnvironment env) {
        this.s3 = s3;
        this.bucket = env.require(FunctionEnvironment.PHOTOS_BUCKET);
    }

    @Override
    public List<String> keys(String tenantId, String caseId) {
        try {
            return s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(MAX_KEYS)
                    .prefix(ReviewService.attachmentPrefix(tenantId, caseId))).contents().stream().map(S3Object::key).toList();
        } catch (RuntimeException e) {
            LOG.warn("attachments.list_failed", "caseId", caseId, "errorType", e.getClass().getSimpleName());
            return List.of();
        }
    }
}
