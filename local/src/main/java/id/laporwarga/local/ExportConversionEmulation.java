package id.laporwarga.local;

import id.laporwarga.analytics.ParquetConversion;
import id.laporwarga.emulators.ProvisionedStack;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's {@code ExportConversion} state machine, locally: on AWS every staging file the export writes
 * (S3 "Object Created", via EventBridge) starts an Athena {@code UNLOAD} of it into {@code parquet/...}; moto has no
 * EventBridge delivery and no Athena, so after each run of the export function the local stack converts the staging
 * files it wrote with the same SELECT in DuckDB ({@link ParquetConversion}) and puts the Parquet files at the same
 * keys. The run returns once they are there (on AWS the conversion follows within about a minute).
 */
final class ExportConversionEmulation {
    static final String STATE_MACHINE = "ExportConversion";
    static final String EXPORT_FUNCTION = "ExportFunction";
    private static final System.Logger LOG = System.getLogger(ExportConversionEmulation.class.getName());

    private ExportConversionEmulation() {
    }

    /**
     * Follows the export function's runs when the template has the conversion state machine. The function runs per
     * message of its job queue and answers with the batch's failures only, so after each run the staging files written
     * or rewritten since the last conversion (S3 "Object Created", as EventBridge sees it) are converted.
     */
    static void attach(ProvisionedStack stack, Map<String, LocalFunction> functions, S3Client s3) {
        LocalFunction export = functions.get(EXPORT_FUNCTION);
        if (export == null || !stack.template().resources().containsKey(STATE_MACHINE)) {
            return;
        }
        String bucket = stack.bucket("AnalyticsBucket");
        Map<String, String> converted = new HashMap<>(); // staging key -> ETag and time of the version converted
        export.onResult(result -> {
            synchronized (converted) {
                List<String> keys = new ArrayList<>();
                for (String dataset : ParquetConversion.DATASETS) {
                    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(dataset + "/")).contents().forEach(o -> {
                        String version = o.eTag() + "@" + o.lastModified();
                        if (!version.equals(converted.put(o.key(), version))) {
                            keys.add(o.key());
                        }
                    });
                }
                List<String> written = ParquetConversion.convertInBucket(s3, bucket, keys);
                LOG.log(Level.INFO, STATE_MACHINE + " (local, DuckDB): " + written.size() + " Parquet files " + written);
            }
        });
    }
}
