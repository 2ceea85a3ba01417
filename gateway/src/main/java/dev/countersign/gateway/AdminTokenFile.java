package dev.countersign.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the admin token to {@code <dataDir>/admin.token}, readable by the owner only where the OS supports it, and
 * the API's address to {@code <dataDir>/gateway.url}, so that {@code admin} commands find a running gateway.
 */
final class AdminTokenFile {
    static final String FILE_NAME = "admin.token";
    static final String URL_FILE_NAME = "gateway.url";

    private AdminTokenFile() {}

    static Path write(Path dataDir, String token) throws IOException {
        return write(dataDir, FILE_NAME, token);
    }

    static Path writeUrl(Path dataDir, java.net.URI baseUri) throws IOException {
        return write(dataDir, URL_FILE_NAME, baseUri.toString());
    }

    private static Path write(Path dataDir, String name, String token) throws IOException {
        Path target = dataDir.resolve(name);
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
