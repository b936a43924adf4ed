package id.laporwarga.function.scorert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.ComponentScore;
import id.laporwarga.domain.scoring.RtCounts;
import id.laporwarga.domain.scoring.RtRanking;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScoreComponentType;
import io.micronaut.serde.annotation.Serdeable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON bodies of the public performance routes: aggregates only, never a single case or a reporter. */
final class PerformanceViews {
    private PerformanceViews() {
    }

    /** What every answer starts with: the period and whether its scores are FINAL, PROVISIONAL or NOT_SCORED. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Header(String tenant, String period, String status, String computedAt) {
        static Header of(String tenant, String period, Optional<RtScores.PeriodHeader> h) {
            return new Header(tenant, period, h.map(RtScores.PeriodHeader::status).orElse("NOT_SCORED"),
                    h.map(RtScores.PeriodHeader::computedAt).orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Rt(String rtId, String kecamatanCode, String kelurahanCode, String kelurahanName, int score, String band,
              long incentiveRupiah, boolean provisional, boolean active,
              @JsonInclude(JsonInclude.Include.NON_NULL) String activityLabel) {
        static Rt of(RtScore s) {
            return new Rt(s.rtId(), s.kecamatanCode(), s.kelurahanCode(), s.kelurahanName(), s.score(), s.band(),
                    s.incentiveRupiah(), s.provisional(), s.active(), s.active() ? null : RtScore.INACTIVE_LABEL);
        }
    }

    /** How many of the listed RTs were active (an approved activity in the period), and their share (0..1). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActiveRts(int rostered, int activeRts, Double activeShare) {
        static ActiveRts of(int rostered, int active) {
            return new ActiveRts(rostered, active, AreaStats.share(active, rostered));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RankedRt(@JsonUnwrapped Rt rt, int rank) {
    }

    /** {@code GET /v1/public/{tenant}/rt}: the ranking. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Ranking(@JsonUnwrapped Header header, String kelurahan, @JsonUnwrapped ActiveRts share, List<RankedRt> rts) {
        static Ranking of(Header header, String kelurahan, List<RtRanking.Ranked> ranked) {
            int active = (int) ranked.stream().filter(r -> r.score().active()).count();
            return new Ranking(header, kelurahan, ActiveRts.of(ranked.size(), active),
                    ranked.stream().map(r -> new RankedRt(Rt.of(r.score()), r.rank())).toList());
        }
    }

    /** {@code GET /v1/public/{tenant}/rt/{rtId}/performance}: one RT's score with its breakdown, counts and trend. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Performance(@JsonUnwrapped Header header, @JsonUnwrapped Rt rt, List<Line> breakdown, int clampAdjustment,
                       Counts counts, List<TrendPoint> trend) {
        static Performance of(Header header, RtScore s, List<RtScore> trend, Locale locale) {
            return new Performance(header, Rt.of(s), s.components().stream().map(c -> Line.of(c, locale)).toList(),
                    s.clampAdjustment(), Counts.of(s.counts()),
                    trend.stream().map(t -> new TrendPoint(t.period(), t.score(), t.band(), t.provisional())).toList());
        }
    }

    /** One component: raw value, cap, weight and the points it gave. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Line(String label, String component, long raw, long denominator, long counted, int cap, int weight,
                int points, boolean noData) {
        static Line of(ComponentScore c, Locale locale) {
            return new Line(labelOf(c.type()).in(locale), c.type().name(), c.raw(), c.denominator(), c.counted(), c.cap(),
                    c.weight(), c.points(), c.noData());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Counts(int activitySubmitted, int activityApproved, int activityApprovedVerified, int activityEligible,
                  int activityReturnedOrRejected, int serviceSteps, int serviceStepsOnTime, int complaintsReceived,
                  int complaintsResolved, int complaintsConfirmed) {
        static Counts of(RtCounts k) {
            return new Counts(k.activitySubmitted(), k.activityApproved(), k.activityApprovedVerified(),
                    k.activityEligible(), k.activityReturnedOrRejected(), k.serviceSteps(), k.serviceStepsOnTime(),
                    k.complaintsReceived(), k.complaintsResolved(), k.complaintsConfirmed());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TrendPoint(String period, int score, String band, boolean provisional) {
    }

    /** {@code GET /v1/public/{tenant}/areas}: complaint figures per kecamatan, each with its kelurahan. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Areas(@JsonUnwrapped Header header, @JsonUnwrapped ActiveRts share, List<Area> kecamatan) {
        static Areas of(Header header, List<Area> kecamatan) {
            return new Areas(header, ActiveRts.of(kecamatan.stream().mapToInt(Area::rostered).sum(),
                    kecamatan.stream().mapToInt(Area::activeRts).sum()), kecamatan);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Area(String code, String name, int complaintsReceived, int complaintsResolved, Double medianHoursToResolve,
                int overdue, int rostered, int activeRts, Double activeShare,
                @JsonInclude(JsonInclude.Include.NON_NULL) Centre centre,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<Area> kelurahan) {
        static Area of(String code, String name, AreaStats a, Centre centre, List<Area> kelurahan) {
            return new Area(code, name, a.received(), a.resolved(), a.medianResolveHours(), a.overdue(), a.rts(),
                    a.activeRts(), a.activeShare(), centre, kelurahan);
        }
    }

    /**
     * A point inside an area's boundary (JTS interior point, 6 decimals), where maps draw the area's aggregate: the
     * area's, never a case's.
     */
    @Serdeable
    record Centre(double lat, double lon) {
        static Centre of(Geometry boundary) {
            Coordinate c = boundary.getInteriorPoint().getCoordinate();
            return new Centre(Math.round(c.y * 1e6) / 1e6, Math.round(c.x * 1e6) / 1e6);
        }
    }

    static LocalizedText labelOf(ScoreComponentType type) {
        return switch (type) {
            case VERIFIED_ACTIVITY -> LocalizedText.of("Laporan kegiatan disetujui dengan geotag terverifikasi",
                    "Approved activity reports with a verified geotag");
            case SERVICE_TIMELINESS -> LocalizedText.of("Ketepatan waktu persetujuan permohonan layanan",
                    "Timeliness of service request approvals");
            case COMPLAINTS_RESOLVED -> LocalizedText.of("Pengaduan di wilayah RT yang selesai",
                    "Complaints in the RT's area resolved");
            case RETURNED_PENALTY -> LocalizedText.of("Pengurangan: laporan dikembalikan atau ditolak",
                    "Penalty: reports returned or rejected");
        };
    }
}
