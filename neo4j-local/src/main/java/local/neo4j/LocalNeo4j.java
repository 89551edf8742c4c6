package local.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A real Neo4j Community server for development, tests and CI where no Docker engine runs.
 *
 * Contract: takes a data folder and a Bolt port (args or NEO4J_LOCAL_DIR / NEO4J_LOCAL_PORT),
 * opens Bolt on 127.0.0.1 without auth or TLS, prints one line "READY bolt://127.0.0.1:PORT"
 * on stdout once the default database accepts queries, and shuts the database down cleanly
 * on SIGTERM/SIGINT (the JVM shutdown hook). Failures print one line "ERROR <reason>" on
 * stderr and exit with status 2, so the TypeScript helper can show a clear message.
 *
 * With NEO4J_LOCAL_WATCH_STDIN=1 (as src/db/local-neo4j.ts starts it) it also shuts down, the
 * same clean way, when its stdin reaches end of file: the parent holds the other end of that
 * pipe, and the system closes it however the parent ends (kill -9 included), so this JVM
 * never outlives the server that started it, holding the Bolt port and the store lock.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : env("NEO4J_LOCAL_DIR", ".neo4j-data")).toAbsolutePath();
        int port = Integer.parseInt(args.length > 1 ? args[1] : env("NEO4J_LOCAL_PORT", "7687"));
        long pageCache = Long.parseLong(env("NEO4J_LOCAL_PAGECACHE_BYTES", String.valueOf(256L * 1024 * 1024)));

        // Neo4j would log a bind failure deep in its start-up; a clear one-line answer is kinder.
        if (!portIsFree(port)) {
            fail("port " + port + " on 127.0.0.1 is already in use (set NEO4J_LOCAL_PORT to another port)");
        }
        Files.createDirectories(home);

        // Registered first, so that an exit asked for during start-up still shuts down cleanly.
        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService started = running.get();
            if (started != null) started.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));
        if ("1".equals(System.getenv("NEO4J_LOCAL_WATCH_STDIN"))) {
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // the parent writes nothing; only the end of the stream matters
                    }
                } catch (IOException e) {
                    // a broken pipe means the same: the parent is gone
                }
                System.exit(0);
            }, "neo4j-local-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .build();
        } catch (RuntimeException e) {
            fail("Neo4j did not start: " + rootMessage(e));
            return;
        }

        running.set(service);

        // Wait until the default database answers before saying READY.
        var db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        for (int i = 0; i < 600 && !db.isAvailable(100); i++) {
            // isAvailable waits up to 100 ms itself
        }
        if (!db.isAvailable(0)) {
            fail("the database did not become available within 60 s");
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(String message) {
        System.err.println("ERROR " + message);
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }
}
