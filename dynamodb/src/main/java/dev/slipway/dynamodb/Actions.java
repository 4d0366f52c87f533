package dev.slipway.dynamodb;

import dev.slipway.dynamodb.error.NotImplementedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The action table: one class per DynamoDB action (STYLE rule 2), by wire name. */
final class Actions {
    /** Actions of the DynamoDB API that Slipway answers with an error naming them. */
    private static final List<String> NOT_IMPLEMENTED = List.of("CreateBackup", "DeleteBackup", "DescribeBackup", "ListBackups",
            "RestoreTableFromBackup", "RestoreTableToPointInTime", "DescribeContinuousBackups",
            "UpdateContinuousBackups", "CreateGlobalTable", "DescribeGlobalTable", "ListGlobalTables",
            "UpdateGlobalTable", "DescribeGlobalTableSettings", "UpdateGlobalTableSettings", "ExportTableToPointInTime",
            "DescribeExport", "ListExports", "ImportTable", "DescribeImport", "ListImports",
            "DescribeContributorInsights", "ListContributorInsights", "UpdateContributorInsights",
            "DescribeKinesisStreamingDestination", "EnableKinesisStreamingDestination",
            "DisableKinesisStreamingDestination", "UpdateKinesisStreamingDestination", "DescribeTableReplicaAutoScaling",
            "UpdateTableReplicaAutoScaling", "GetResourcePolicy", "PutResourcePolicy", "DeleteResourcePolicy");

    private Actions() {}

    static Map<String, Action> dynamodb(Tables tables) {
        Map<String, Action> a = new LinkedHashMap<>();
        a.put("CreateTable", new CreateTableAction(tables));
        a.put("DescribeTable", new DescribeTableAction(tables));
        a.put("ListTables", new ListTablesAction(tables));
        a.put("UpdateTable", new UpdateTableAction(tables));
        a.put("DeleteTable", new DeleteTableAction(tables));
        a.put("PutItem", new PutItemAction(tables));
        a.put("GetItem", new GetItemAction(tables));
        a.put("UpdateItem", new UpdateItemAction(tables));
        a.put("DeleteItem", new DeleteItemAction(tables));
        a.put("Query", new QueryAction(tables));
        a.put("Scan", new ScanAction(tables));
        a.put("BatchGetItem", new BatchGetItemAction(tables));
        a.put("BatchWriteItem", new BatchWriteItemAction(tables));
        a.put("TransactWriteItems", new TransactWriteItemsAction(tables));
        a.put("TransactGetItems", new TransactGetItemsAction(tables));
        a.put("UpdateTimeToLive", new TimeToLiveActions.Update(tables));
        a.put("DescribeTimeToLive", new TimeToLiveActions.Describe(tables));
        a.put("TagResource", new TagActions.Tag(tables));
        a.put("UntagResource", new TagActions.Untag(tables));
        a.put("ListTagsOfResource", new TagActions.List(tables));
        a.put("DescribeLimits", new DescribeLimitsAction());
        a.put("DescribeEndpoints", new DescribeEndpointsAction(tables));
        a.put("ExecuteStatement", new PartiQlActions.ExecuteStatement(tables));
        a.put("BatchExecuteStatement", new PartiQlActions.BatchExecuteStatement(tables));
        a.put("ExecuteTransaction", new PartiQlActions.ExecuteTransaction(tables));
        for (String name : NOT_IMPLEMENTED) {
            a.put(name, in -> {
                throw NotImplementedException.action(name);
            });
        }
        return a;
    }

    static Map<String, Action> streams(Tables tables) {
        Map<String, Action> a = new LinkedHashMap<>();
        a.put("ListStreams", new StreamActions.ListStreams(tables));
        a.put("DescribeStream", new StreamActions.DescribeStream(tables));
        a.put("GetShardIterator", new StreamActions.GetShardIterator(tables));
        a.put("GetRecords", new StreamActions.GetRecords(tables));
        return a;
    }
}
