package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GatewayMainTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayMain());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void helpNamesTheOptions() {
        String help = run("--help");
        for (String option : new String[] {"--port", "--data-dir", "--host", "--demo", "--session-minutes", "serve"}) {
            assertTrue(help.contains(option), help);
        }
        assertTrue(run("serve", "--help").contains("--data-dir"));
    }

    @Test
    void versionIsTheRelease() {
        assertTrue(run("--version").startsWith("countersign-gateway 0."), run("--version"));
    }
}
