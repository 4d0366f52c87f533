package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class PartiQlTest extends ServerFixture {

    @Test
    void insertSelectUpdateDelete() {
        String t = table("pq", true);
        ddb.executeStatement(b -> b.statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': '1', 'n': 1}"));
        ddb.executeStatement(b -> b.statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': '2', 'n': 2}"));
        assertFails(() -> ddb.executeStatement(b -> b.statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': '1'}")),
                "DuplicateItemException", "Duplicate primary key exists in table");
        var selected = ddb.executeStatement(b -> b.statement("SELECT sk, n FROM \"" + t + "\" WHERE pk = ? AND n > ?")
                .parameters(s("a"), n("1")));
        assertThat(selected.items()).containsExactly(item("sk", "2", "n", 2));
        ddb.executeStatement(b -> b.statement("UPDATE \"" + t + "\" SET n = n + 10 WHERE pk = 'a' AND sk = '1'"));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1"))).item().get("n").n()).isEqualTo("11");
        assertFails(() -> ddb.executeStatement(b -> b.statement("UPDATE \"" + t + "\" SET n = 0 WHERE pk = 'a' AND sk = '9'")),
                "ConditionalCheckFailedException", "The conditional request failed");
        assertFails(() -> ddb.executeStatement(b -> b.statement("DELETE FROM \"" + t + "\" WHERE pk = 'a'")),
                "ValidationException", "Where clause does not contain a mandatory equality on all key attributes");
        ddb.executeStatement(b -> b.statement("DELETE FROM \"" + t + "\" WHERE pk = 'a' AND sk = '2'"));
        assertThat(ddb.scan(b -> b.tableName(t)).count()).isEqualTo(1);
    }

    @Test
    void batchAndTransaction() {
        String t = table("pq", false);
        var batch = ddb.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'x', 'v': 1}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'x', 'v': 2}").build()));
        assertThat(batch.responses().get(0).error()).isNull();
        assertThat(batch.responses().get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ddb.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'y'}").build(),
                ParameterizedStatement.builder().statement("UPDATE \"" + t + "\" SET v = 5 WHERE pk = 'missing'").build())));
        assertThat(thrown).isInstanceOf(TransactionCanceledException.class);
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "y"))).hasItem()).isFalse();
        ddb.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'y'}").build(),
                ParameterizedStatement.builder().statement("UPDATE \"" + t + "\" SET v = 5 WHERE pk = 'x'").build()));
        assertThat(strings(ddb.scan(b -> b.tableName(t)).items(), "pk")).containsExactlyInAnyOrder("x", "y");
        assertThat(List.of(ddb.getItem(b -> b.tableName(t).key(item("pk", "x"))).item().get("v").n())).containsExactly("5");
    }
}
