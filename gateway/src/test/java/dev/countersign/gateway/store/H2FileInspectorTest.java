package dev.countersign.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueInteger;
import org.h2.value.ValueVarchar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database files are inspected before H2 opens them: hostile ones are refused before any code in them can run. */
class H2FileInspectorTest {
    private static final String REFUSED = "The database file is not one this gateway created (%s); it is refused."
            + " Point --data-dir at an empty folder or at a gateway's own data folder.";
    private static final String UNREADABLE = "it is not a database this program can read";

    @TempDir
    Path dir;

    private final H2FileInspector inspector =
            H2FileInspector.forMigrations(Database.MIGRATIONS, Database.class.getClassLoader());

    private Path data() {
        return dir.resolve("data");
    }

    private Path file() {
        return data().resolve("gateway.mv.db");
    }

    /** A database the gateway's own store made, closed. */
    private void genuine() throws Exception {
        Database.open(data(), ids -> { }).close();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data().resolve("gateway"), "gateway", "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private String refusal() {
        return assertThrows(DatabaseOpenException.class, () -> Database.open(data(), ids -> { }).close())
                .getMessage();
    }

    private static String refused(String why) {
        return String.format(REFUSED, why);
    }

    @Test
    void aDatabaseTheGatewayMadePassesAfterWritesAndRestarts() throws Exception {
        try (Gateway gateway = TestWorld.startGateway(data(), Clock.systemUTC(), true)) {
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            TestReviewer.ed25519("first@example.test").enrollAt(http, "sre").sessionAt(http);
        }
        inspector.check(file());
        try (Gateway gateway = TestWorld.startGateway(data(), Clock.systemUTC(), true)) {
            Http http = new Http(gateway.baseUri(), gateway.adminToken());
            TestReviewer.ed25519("second@example.test").enrollAt(http, "sre").sessionAt(http);
        }
        inspector.check(file());
        try (Gateway gateway = TestWorld.startGateway(data(), Clock.systemUTC(), true)) {
            assertTrue(gateway.demo());
        }
    }

    @Test
    void aDatabaseAnOlderGatewayMadeIsUpgraded() throws Exception {
        Files.createDirectories(data());
        Flyway.configure().dataSource("jdbc:h2:file:" + data().resolve("gateway"), "gateway", "")
                .locations(Database.MIGRATIONS).target("2").load().migrate();
        sql("INSERT INTO policy (policy_id, policy_version, doc, loaded_at)"
                + " VALUES ('p', '1', '{}', CURRENT_TIMESTAMP)");
        inspector.check(file());
        genuine();
        inspector.check(file());
    }

    @Test
    void noFileOrAnEmptyFileIsNothingToCheck() throws Exception {
        inspector.check(file());
        Files.createDirectories(data());
        Files.createFile(file());
        inspector.check(file());
    }

    @Test
    void aJavaSourceTriggerIsRefusedBeforeItRuns() throws Exception {
        genuine();
        Path marker = dir.resolve("trigger-ran");
        sql("CREATE TRIGGER TR BEFORE INSERT ON PROPOSAL AS $$org.h2.api.Trigger create() {"
                + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\"); }"
                + " catch (java.io.IOException e) { throw new RuntimeException(e); }"
                + " return (conn, oldRow, newRow) -> { }; } $$");
        // the premise: H2 runs the trigger's code when it merely opens the file
        Files.delete(marker);
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(file(), copy.resolve("gateway.mv.db"));
        DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("gateway"), "gateway", "").close();
        assertTrue(Files.exists(marker), "opening with H2 runs the trigger's code");
        Files.delete(marker);

        assertEquals(refused("it has a trigger \"TR\" on \"PROPOSAL\""), refusal());
        assertFalse(Files.exists(marker), "the trigger's code ran");
    }

    @Test
    void aJavaSourceAliasIsRefused() throws Exception {
        genuine();
        sql("CREATE ALIAS PW AS $$String pw(String s) { return s; }$$");
        assertEquals(refused("it has a Java function (alias) \"PW\""), refusal());
    }

    @Test
    void aLinkedTableIsRefused() throws Exception {
        Path other = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT)");
        }
        genuine();
        sql("CREATE LINKED TABLE LT('org.h2.Driver', 'jdbc:h2:file:" + other + "', 'sa', '', 'T')");
        assertEquals(refused("it has a linked table \"LT\""), refusal());
    }

    @Test
    void aViewIsRefused() throws Exception {
        genuine();
        sql("CREATE VIEW PENDING AS SELECT * FROM PROPOSAL WHERE STATUS = 'pending'");
        assertEquals(refused("it has a view \"PENDING\""), refusal());
    }

    @Test
    void aCheckConstraintCallingFileWriteIsRefused() throws Exception {
        genuine();
        Path marker = dir.resolve("check-ran");
        sql("ALTER TABLE PROPOSAL ADD CONSTRAINT PWN CHECK (FILE_WRITE(X'00', '" + marker + "') >= 0)");
        assertEquals(refused("it has a constraint \"PWN\" on \"PROPOSAL\""), refusal());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aColumnDefaultCallingFileWriteIsRefused() throws Exception {
        genuine();
        Path marker = dir.resolve("default-ran");
        sql("ALTER TABLE GATEWAY_META ALTER COLUMN META_VALUE SET DEFAULT"
                + " CAST(FILE_WRITE(X'00', '" + marker + "') AS VARCHAR)");
        assertEquals(refused("its table \"GATEWAY_META\" is not as this program makes it"
                + " (a column, default or check differs)"), refusal());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aJavaObjectSerializerSettingIsRefused() throws Exception {
        Files.createDirectories(data());
        sql("SET JAVA_OBJECT_SERIALIZER 'org.h2.util.JdbcUtils'");
        Flyway.configure().dataSource("jdbc:h2:file:" + data().resolve("gateway"), "gateway", "")
                .locations(Database.MIGRATIONS).load().migrate();
        assertEquals(refused("it has a setting JAVA_OBJECT_SERIALIZER"), refusal());
    }

    @Test
    void aTriggerLeftInAnOpenTransactionIsRefused() throws Exception {
        genuine();
        // a file written by hand: a meta row for a trigger, in a transaction still open when the file was closed
        MVStore store = new MVStore.Builder().fileName(file().toString()).open();
        TransactionStore transactions = new TransactionStore(store, new ValueDataType());
        transactions.init();
        TransactionMap<Object, Object> meta = transactions.begin().openMap("table.0");
        Object someKey = meta.keySet().iterator().next();
        Object key = someKey instanceof Long ? (Object) 1000L : ValueBigint.get(1000);
        meta.put(key, Row.get(new Value[] {ValueInteger.get(1000), ValueInteger.get(0), ValueInteger.get(4),
                ValueVarchar.get("CREATE FORCE TRIGGER \"PUBLIC\".\"LEFTOVER\" BEFORE INSERT ON \"PUBLIC\".\"PROPOSAL\""
                        + " QUEUE 1024 CALL 'com.example.Evil'")}, 0));
        store.commit();
        store.closeImmediately();

        assertTrue(H2FileInspector.readMeta(file()).get(0).stream().noneMatch(r -> r.sql().contains("LEFTOVER")),
                "not committed");
        assertEquals(refused("it has a trigger \"LEFTOVER\" on \"PROPOSAL\""), refusal());
    }

    @Test
    void aGarbageFileIsUnreadable() throws Exception {
        Files.createDirectories(data());
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file(), garbage);
        assertEquals(refused(UNREADABLE), refusal());
    }

    @Test
    void aTruncatedDatabaseIsUnreadable() throws Exception {
        genuine();
        byte[] bytes = Files.readAllBytes(file());
        // the two file headers and part of the first chunk: no complete chunk is left. (Cut later, MVStore falls back
        // to the newest complete chunk, an older state of the file, and inspects that as H2 would open it.)
        Files.write(file(), Arrays.copyOf(bytes, 2 * 4096 + 1000));
        assertEquals(refused(UNREADABLE), refusal());
    }

    @Test
    void aFileOpenInAnotherProgramIsNamedAsSuch() throws Exception {
        genuine();
        try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + data().resolve("gateway"), "gateway",
                "")) {
            assertThrows(DatabaseFileLockedException.class, () -> inspector.check(file()));
            assertEquals("The database in " + data().toAbsolutePath().normalize() + " is open in another program."
                    + " Stop it or choose another data folder.", refusal());
        }
    }

    @Test
    void theReferenceIsBuiltOnceAndALargeFileIsInspectedQuickly() throws Exception {
        genuine();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data().resolve("gateway"), "gateway", "");
                PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency (idem_key, endpoint,"
                        + " request_sha256, response_status, response_body, created_at)"
                        + " VALUES (?, '/v1/x', ?, 200, ?, CURRENT_TIMESTAMP)")) {
            c.setAutoCommit(false);
            String body = "{\"ok\":true,\"padding\":\"" + "x".repeat(200) + "\"}";
            for (int i = 0; i < 50_000; i++) {
                ps.setString(1, "key-" + i);
                ps.setString(2, "0".repeat(64));
                ps.setString(3, body);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                // enough changes for H2's automatic ANALYZE on a table with an identity column too
                s.execute("INSERT INTO policy (policy_id, policy_version, doc, loaded_at)"
                        + " SELECT 'p', X, '{}', CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 3000)");
            }
            c.commit();
        }
        // a class loader of its own, so that this JVM builds a fresh reference for it
        try (URLClassLoader loader = new URLClassLoader(new URL[0], Database.class.getClassLoader())) {
            H2FileInspector fresh = H2FileInspector.forMigrations(Database.MIGRATIONS, loader);
            long t0 = System.nanoTime();
            fresh.check(file());
            long t1 = System.nanoTime();
            fresh.check(file());
            long t2 = System.nanoTime();
            long size = Files.size(file());
            System.out.printf("H2FileInspector: first check (builds the reference) %d ms, next check %d ms,"
                    + " file %d KB with 50,000 rows%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, size / 1024);
            assertTrue(t2 - t1 < 2_000_000_000L, "inspecting took " + (t2 - t1) / 1_000_000 + " ms");
        }
    }
}
