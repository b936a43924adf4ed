package id.laporwarga.local.hostile;

import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.StackProvisioner;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/** How many items every table and how many objects every bucket of a provisioned stack holds (real SDK calls). */
public final class StackContents {
    private StackContents() {
    }

    public static Map<String, Long> count(ProvisionedStack stack) {
        Map<String, Long> out = new TreeMap<>();
        stack.resources().values().forEach(p -> {
            if (StackProvisioner.TABLE.equals(p.type())) {
                long n = 0;
                Map<String, AttributeValue> start = null;
                do {
                    ScanRequest.Builder b = ScanRequest.builder().tableName(p.ref()).select(Select.COUNT);
                    if (start != null) {
                        b.exclusiveStartKey(start);
                    }
                    ScanResponse r = stack.aws().dynamoDb().scan(b.build());
                    n += r.count();
                    start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                } while (start != null);
                out.put("table " + p.logicalId(), n);
            } else if (StackProvisioner.BUCKET.equals(p.type())) {
                long n = stack.aws().s3().listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(p.ref()).build())
                        .contents().stream().count();
                out.put("bucket " + p.logicalId(), n);
            }
        });
        return out;
    }
}
