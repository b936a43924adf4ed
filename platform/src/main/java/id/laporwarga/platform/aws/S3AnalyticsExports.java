package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.analytics.AnalyticsFiles;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Writes one tenant's period to the analytics bucket: first removes the month's previous Parquet copies under
 * {@code parquet/<dataset>/tenant=<id>/month=<yyyy-MM>/}, then writes the gzip JSON Lines of {@link AnalyticsFiles}
 * (replacing the previous export of the month, so re-running is safe). Each new staging file starts the conversion
 * step that writes its Parquet copy into the emptied folder (an Athena {@code UNLOAD} needs an empty folder;
 * docs/analytics.md).
 */
@Singleton
public class S3AnalyticsExports implements AnalyticsExports {
    private static final JsonLog LOG = JsonLog.get(S3AnalyticsExports.class);
    private final AnalyticsFiles files;
    private final S3Client s3;
    private final String bucket;

    public S3AnalyticsExports(AnalyticsFiles files, S3Client s3, FunctionEnvironment env) {
        this.files = files;
        this.s3 = s3;
        this.bucket = env.require(FunctionEnvironment.ANALYTICS_BUCKET);
    }

    @Override
    public String destination() {
        return bucket;
    }

    @Override
    public Export export(Tenant tenant, ScorePeriod period) {
        long started = System.nanoTime();
        // first: each new staging file starts its conversion into the (then empty) Parquet folder
        int stale = 0;
        for (String dataset : AnalyticsFiles.DATASETS) {
            stale += deleteAll(AnalyticsFiles.parquetPrefix(dataset, tenant.id(), period.id()));
        }
        AnalyticsFiles.Written written = files.write(tenant, period, (key, file) -> s3.putObject(r -> r.bucket(bucket)
                .key(key).contentType("application/x-ndjson").contentEncoding("gzip"), RequestBody.fromFile(file)));
        LOG.info("export.done", "tenant", tenant.id(), "period", period.id(), "cases", written.cases(),
                "rtScores", written.rtScores(), "staleParquetFiles", stale,
                "durationMs", (System.nanoTime() - started) / 1_000_000);
        return new Export(tenant.id(), period.id(), written.cases(), written.rtScores(), written.areas(), written.keys());
    }

    private int deleteAll(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key)
                .forEach(keys::add);
        for (String key : keys) {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        }
        return keys.size();
    }
}
