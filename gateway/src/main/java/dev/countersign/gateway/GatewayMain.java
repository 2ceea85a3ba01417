package dev.countersign.gateway;

import ch.qos.logback.classic.LoggerContext;
import dev.countersign.gateway.admin.AdminCommand;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The standalone gateway: {@code countersign-gateway [serve] --port 8443 --data-dir DIR [--host 127.0.0.1] [--demo]}.
 * {@code serve} is the default command.
 */
@Command(name = "countersign-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
        description = "Runs the Countersign gateway: holds proposed NHI changes until a reviewer signs a decision.",
        subcommands = {GatewayMain.Serve.class, AdminCommand.class})
public final class GatewayMain implements Callable<Integer> {
    @Mixin
    ServeOptions options = new ServeOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() {
        return serve(options);
    }

    /** The options of serve, also accepted without the word serve. */
    static final class ServeOptions {
        @Option(names = "--port", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
        int port = 8443;

        @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
        String host = GatewayConfig.LOOPBACK;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data folder (database, admin.token, logs). Default: ${DEFAULT-VALUE}.")
        Path dataDir = Path.of(System.getProperty("user.home"), ".countersign", "gateway");

        @Option(names = "--key-passphrase-file", paramLabel = "FILE",
                description = "File whose first line is the passphrase of the gateway key. Default: the environment"
                        + " variable COUNTERSIGN_GATEWAY_KEY_PASSPHRASE, else a generated file in the data folder.")
        Path keyPassphraseFile;

        @Option(names = "--demo", description = "Seed the demo world into a new data folder.")
        boolean demo;

        @Option(names = "--session-minutes", paramLabel = "MINUTES",
                description = "How long a reviewer session lasts once opened, 1 to 15 minutes."
                        + " Default: ${DEFAULT-VALUE}.")
        int sessionMinutes = 15;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
            description = "Serve the gateway's HTTP API until stopped (Ctrl-C).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ServeOptions options = new ServeOptions();

        @Override
        public Integer call() {
            return serve(options);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"countersign-gateway " + GatewayVersion.current()};
        }
    }

    private static char[] keyPassphrase(Path file) throws GatewayStartException {
        try {
            return dev.countersign.gateway.log.GatewayKey.readPassphraseFile(file);
        } catch (dev.countersign.gateway.log.GatewayKeyException e) {
            throw new GatewayStartException(e.getMessage(), e);
        }
    }

    private static int serve(ServeOptions o) {
        Path dataDir = o.dataDir.toAbsolutePath().normalize();
        configureLogging(dataDir.resolve("logs"));
        Gateway gateway;
        try {
            GatewayConfig config = new GatewayConfig(dataDir, o.host, o.port, o.demo, Clock.systemUTC(),
                    Duration.ofMinutes(o.sessionMinutes));
            gateway = o.keyPassphraseFile == null ? Gateway.start(config)
                    : Gateway.start(config, keyPassphrase(o.keyPassphraseFile));
        } catch (GatewayStartException e) {
            System.err.println("countersign-gateway: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("countersign-gateway: " + e.getMessage());
            return 2;
        }
        System.out.println("Countersign gateway listening on " + gateway.baseUri() + "v1 (admin token in "
                + dataDir.resolve(AdminTokenFile.FILE_NAME) + ")" + (gateway.demo() ? " [demo]" : ""));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void configureLogging(Path logDir) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        context.putProperty("countersign.gateway.logDir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(GatewayMain.class.getResource("logback-gateway.xml"));
        } catch (JoranException e) {
            System.err.println("countersign-gateway: logging could not be configured: " + e.getMessage());
        }
    }
}
