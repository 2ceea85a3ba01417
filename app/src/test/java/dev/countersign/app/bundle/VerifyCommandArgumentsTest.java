package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify command's arguments: bad ones give exit code 2, a line saying what is wrong and the usage. */
class VerifyCommandArgumentsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyAFirstVerifySelectsTheCommand() {
        assertTrue(VerifyCommand.handles(List.of("verify", "x.csbundle")));
        assertFalse(VerifyCommand.handles(List.of("x.csbundle", "verify")));
        assertFalse(VerifyCommand.handles(List.of()));
    }

    @Test
    void noFileIsExitTwoWithTheUsage() {
        assertEquals(2, run());
        assertTrue(err().startsWith("countersign verify: which bundle? Name the file to verify\n"), err());
        assertTrue(err().contains(VerifyCommand.USAGE));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsExitTwo() {
        assertEquals(2, run(dir.resolve("nowhere.csbundle").toString()));
        assertTrue(err().startsWith("countersign verify: " + dir.resolve("nowhere.csbundle") + ": no such file"),
                err());
        assertEquals(2, run(dir.toString()));
        assertTrue(err().contains(dir + ": not a readable file"), err());
    }

    @Test
    void badOptionsAreExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csbundle"), "x");
        assertEquals(2, run(file.toString(), "--threads", "0"));
        assertTrue(err().contains("--threads needs a whole number from 1 to 256, not 0"), err());
        assertEquals(2, run(file.toString(), "--threads"));
        assertTrue(err().contains("--threads needs a value"), err());
        assertEquals(2, run(file.toString(), "--colour"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(2, run(file.toString(), file.toString()));
        assertTrue(err().contains("one bundle at a time"), err());
        Path notPem = Files.writeString(dir.resolve("key.pem"), "not a key");
        assertEquals(2, run(file.toString(), "--gateway-key=" + notPem));
        assertTrue(err().contains("--gateway-key " + notPem + " is not a readable PEM public key"), err());
        assertEquals(2, run(file.toString(), "--gateway-key", dir.resolve("missing.pem").toString()));
    }

    @Test
    void helpIsExitZeroOnStdout() {
        assertEquals(0, run("--help"));
        assertEquals(VerifyCommand.USAGE, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertEquals("a\\u001B[31mb\\u202Ec\nd\te", VerifyCommand.terminalSafe("a\u001b[31mb\u202ec\nd\te"));
        assertEquals(2, run("--x\u001b[2J"));
        assertFalse(err().contains("\u001b"), err());
    }
}
