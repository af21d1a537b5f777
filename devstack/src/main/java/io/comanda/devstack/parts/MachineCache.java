package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A per-machine directory for unpacked distributions (Keycloak, the Debezium plugin), so their unpack
 * and Keycloak's one-time build step are paid once per machine, not per module or per {@code clean}.
 *
 * <p>Lives in {@code $COMANDA_CACHE}, else {@code $XDG_CACHE_HOME/comanda}, else
 * {@code ~/.cache/comanda}. Each entry is keyed by the archive's file name, which carries its version.
 * Unpacking goes to a temporary sibling and is renamed into place, under a lock file, so two builds
 * racing on one machine never see half an entry.
 */
public final class MachineCache {

    private final Path root;

    MachineCache(Path root) {
        this.root = root;
    }

    public static MachineCache standard() {
        String explicit = System.getenv("COMANDA_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return new MachineCache(Path.of(explicit));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new MachineCache(base.resolve("comanda"));
    }

    public Path root() {
        return root;
    }

    /** The unpacked content of {@code archive} (.zip or .tar.gz), unpacking it the first time. */
    public Path unpacked(Path archive) {
        String key = archive.getFileName().toString().replaceAll("\\.(zip|tar\\.gz|tgz)$", "");
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) {
            return target;
        }
        return withLock(key, () -> {
            if (!Files.isDirectory(target)) {
                Path staging = Files.createTempDirectory(root, key + ".unpacking-");
                try {
                    unpack(archive, staging);
                    moveIntoPlace(staging, target);
                } finally {
                    deleteRecursively(staging);
                }
            }
            return target;
        });
    }

    /** Runs {@code action} holding a machine-wide lock named {@code name}. */
    public <T> T withLock(String name, Callable<T> action) {
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cache entry " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static void unpack(Path archive, Path into) throws IOException, InterruptedException {
        String name = archive.getFileName().toString();
        if (name.endsWith(".zip")) {
            unzip(archive, into);
        } else {
            // The JDK reads no tar; every machine this runs on has tar.
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IOException("tar failed on " + archive + ": " + output);
            }
        }
    }

    private static void unzip(Path archive, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
