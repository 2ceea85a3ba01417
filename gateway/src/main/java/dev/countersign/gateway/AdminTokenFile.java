package dev.countersign.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the admin token to {@code <dataDir>/admin.token}, readable by the owner only where the OS supports it. */
final class AdminTokenFile {
    static final String FILE_NAME = "admin.token";

    private AdminTokenFile() {}

    static Path write(Path dataDir, String token) throws IOException {
        Path target = dataDir.resolve(FILE_NAME);
        Path temp;
        if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            temp = Files.createTempFile(dataDir, "admin", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temp = Files.createTempFile(dataDir, "admin", ".tmp");
        }
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
