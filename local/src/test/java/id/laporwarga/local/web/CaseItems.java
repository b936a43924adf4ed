package id.laporwarga.local.web;

import id.laporwarga.local.DevStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the stack's table holds, read with the real SDK (a test's view of storage, never the app's). */
final class CaseItems {
    private CaseItems() {
    }

    /** How many case items ({@code CASE#…}) hold {@code description} in their document. */
    static long countWithDescription(DevStack local, String description) {
        return local.aws().dynamoDb().scanPaginator(r -> r.tableName(local.stack().physicalId("CasesTable"))
                        .filterExpression("begins_with(pk, :case) AND contains(#doc, :text)")
                        .expressionAttributeNames(Map.of("#doc", "doc"))
                        .expressionAttributeValues(Map.of(":case", AttributeValue.fromS("CASE#"),
                                ":text", AttributeValue.fromS(description))))
                .items().stream().count();
    }
}
