package dev.slipway.dynamodb;

import dev.slipway.dynamodb.error.ResourceNotFoundException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The engine's state: the tables of one account and region (kept apart from the actions, STYLE
 * rule 7), the clock, the storage every change is mirrored to, and the expression compiler.
 */
final class Tables implements AutoCloseable {
    final Clock clock;
    final String region;
    final String accountId;
    final Duration statusDelay;
    final Storage storage;
    final Expressions expressions;
    final Streams streams;
    /** Serialises CreateTable/DeleteTable/UpdateTable so that names and limits stay consistent. */
    final Object ddl = new Object();
    private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();

    Tables(Clock clock, String region, String accountId, Duration statusDelay, Storage storage, Expressions expressions) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.statusDelay = statusDelay;
        this.storage = storage;
        this.expressions = expressions;
        this.streams = new Streams(clock);
        for (TableDef def : storage.loadTables()) {
            Table table = new Table(def);
            storage.loadItems(def.name, table::load);
            attach(table);
            tables.put(def.name, table);
        }
    }

    private void attach(Table table) {
        boolean persistent = storage.persistent();
        table.listener = (t, key, oldItem, newItem) -> {
            if (!persistent && !t.def.streamEnabled) {
                return; // in memory without a stream: nothing to mirror (the common hot path)
            }
            Map<String, AttributeValue> keyAttributes = Keys.keyAttributes(t.def.keys, newItem != null ? newItem : oldItem);
            storage.write(t.def.name, keyAttributes, newItem);
            streams.record(t.def, keyAttributes, oldItem, newItem);
        };
    }

    /** A table for item and query actions: missing or still CREATING means "Requested resource not found". */
    Table forItems(String name) {
        Table t = tables.get(name);
        if (t == null || status(t).equals("CREATING")) {
            throw ResourceNotFoundException.requestedResource();
        }
        return t;
    }

    /** A table for DescribeTable/DeleteTable/UpdateTable, whose message names it. */
    Table named(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw ResourceNotFoundException.table(name);
        }
        return t;
    }

    Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    Optional<Table> byArn(String arn) {
        return tables.values().stream().filter(t -> t.def.arn.equals(arn)).findFirst();
    }

    Collection<Table> all() {
        return tables.values();
    }

    ConcurrentSkipListMap<String, Table> map() {
        return tables;
    }

    void add(Table table) {
        attach(table);
        tables.put(table.def.name, table);
        storage.saveTable(table.def);
        storage.commit();
    }

    void remove(String name) {
        tables.remove(name);
        storage.dropTable(name);
        storage.commit();
    }

    /** Persists a changed definition (UpdateTable, TTL, tags); call under the table's write lock. */
    void saveDefinition(Table table) {
        storage.saveTable(table.def);
        storage.commit();
    }

    String status(Table t) {
        return clock.instant().isBefore(t.def.activeAt) ? "CREATING" : "ACTIVE";
    }

    @Override
    public void close() {
        storage.close();
    }
}
