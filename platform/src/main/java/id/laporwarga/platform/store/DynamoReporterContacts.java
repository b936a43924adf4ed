package id.laporwarga.platform.store;

import id.laporwarga.domain.port.ReporterContacts;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reporter's contact item {@code CONTACT#<caseId>}/{@code CONTACT} (one consistent GetItem). Every role but the
 * officials' function's is denied these keys (template.yaml's {@code NoReporterContactPolicy}); callers ask only where
 * {@code AccessPolicy.canSeeReporter} allows.
 */
@Singleton
public class DynamoReporterContacts implements ReporterContacts {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReporterContacts(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    @Override
    public Optional<Reporter> find(String caseId) {
        String pk = TableKeys.contactPk(caseId);
        if (!TableKeys.fitsKeyLimits(pk, TableKeys.CONTACT_SK)) {
            return Optional.empty();
        }
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(pk), TableKeys.SK, AttributeValue.fromS(TableKeys.CONTACT_SK))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Reporter(text(item, "name"), text(item, "phone"), null, text(item, "email"),
                text(item, "language")));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
