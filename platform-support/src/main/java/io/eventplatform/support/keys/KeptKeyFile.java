package io.eventplatform.support.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private key a service generates on its first start outside production and keeps in a file of its data folder
 * (readable by its owner only), so that what it signed stays valid across restarts and other instances started with
 * the same file sign alike. Production reads its keys from configuration instead.
 */
public final class KeptKeyFile {

    private static final Logger log = LoggerFactory.getLogger(KeptKeyFile.class);

    private KeptKeyFile() {
    }

    /** The file's text, or {@code generated}'s, written to the file first when there is none yet. */
    public static String readOrCreate(Path file, Supplier<String> generated, String what) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            String key = generated.get();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            log.info("Generated the {} and kept it in {}", what, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the " + what + " file " + file, e);
        }
    }
}
