package id.laporwarga.emulators;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream through the DynamoDB Streams API ({@code DescribeStream}, {@code GetShardIterator},
 * {@code GetRecords}; DynamoDB Local serves it) shard by shard, each in order, and gives every record in the JSON form
 * Lambda hands a function ({@link #lambdaRecord}): what the local runner's stream event source and the tests feed the
 * outbox relay. New shards are found on each {@link #shards()} and read from their start; a shard that is closed and
 * read to its end is dropped.
 */
public final class TableStream {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final ShardIteratorType initialPosition;
    /** Shard id -> the iterator of its next read (null: not yet opened); insertion order = discovery order. */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final java.util.Set<String> finished = new java.util.HashSet<>();
    private boolean described;

    /**
     * @param startingPosition {@code TRIM_HORIZON} (every record the stream holds) or {@code LATEST} (only what is
     *                         written after the first {@link #shards()})
     */
    public TableStream(DynamoDbStreamsClient streams, String streamArn, String region, String startingPosition) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.initialPosition = "LATEST".equalsIgnoreCase(startingPosition) ? ShardIteratorType.LATEST
                : ShardIteratorType.TRIM_HORIZON;
    }

    public String streamArn() {
        return streamArn;
    }

    /** The shards with records to read now or later (discovers new ones). */
    public synchronized List<String> shards() {
        ShardIteratorType position = described ? ShardIteratorType.TRIM_HORIZON : initialPosition;
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                if (!iterators.containsKey(shard.shardId()) && !finished.contains(shard.shardId())) {
                    iterators.put(shard.shardId(), streams.getShardIterator(r -> r.streamArn(streamArn)
                            .shardId(shard.shardId()).shardIteratorType(position)).shardIterator());
                }
            }
            start = description.lastEvaluatedShardId();
        } while (start != null);
        described = true;
        return List.copyOf(iterators.keySet());
    }

    /**
     * Up to {@code max} records of {@code shardId} after those returned before, in Lambda's JSON form; empty when the
     * shard has nothing new now.
     */
    public synchronized List<Map<String, Object>> read(String shardId, int max) {
        String iterator = iterators.get(shardId);
        if (iterator == null) {
            return List.of();
        }
        GetRecordsResponse response;
        try {
            response = streams.getRecords(r -> r.shardIterator(iterator).limit(Math.max(1, Math.min(1000, max))));
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            iterators.put(shardId, streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            return List.of();
        }
        if (response.nextShardIterator() == null) {
            iterators.remove(shardId);
            finished.add(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record r : response.records()) {
            out.add(lambdaRecord(r, region, streamArn));
        }
        return out;
    }

    /** A stream record as Lambda's DynamoDB event carries it ({@code Records[i]}). */
    public static Map<String, Object> lambdaRecord(Record r, String region, String streamArn) {
        StreamRecord s = r.dynamodb();
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (s.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.put("Keys", image(s.keys()));
        if (s.hasNewImage()) {
            dynamodb.put("NewImage", image(s.newImage()));
        }
        if (s.hasOldImage()) {
            dynamodb.put("OldImage", image(s.oldImage()));
        }
        dynamodb.put("SequenceNumber", s.sequenceNumber());
        dynamodb.put("SizeBytes", s.sizeBytes());
        dynamodb.put("StreamViewType", s.streamViewTypeAsString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", r.eventID());
        record.put("eventName", r.eventNameAsString());
        record.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
        record.put("dynamodb", dynamodb);
        record.put("eventSourceARN", streamArn);
        return record;
    }

    /** The sequence number of a record in Lambda's form. */
    @SuppressWarnings("unchecked")
    public static String sequenceNumber(Map<String, Object> lambdaRecord) {
        return String.valueOf(((Map<String, Object>) lambdaRecord.get("dynamodb")).get("SequenceNumber"));
    }

    private static Map<String, Object> image(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, attribute(v)));
        return out;
    }

    /** An attribute value in DynamoDB's JSON wire form ({@code {"S": "..."}}, {@code {"M": {...}}}, ...). */
    static Map<String, Object> attribute(AttributeValue v) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> out.put("SS", v.ss());
            case NS -> out.put("NS", v.ns());
            case BS -> out.put("BS", v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                    .toList());
            case M -> out.put("M", image(v.m()));
            case L -> out.put("L", v.l().stream().map(TableStream::attribute).toList());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }
}
