package org.policysearch.es;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system account the managed node runs under. Elasticsearch refuses to run as root, so a root
 * service hands the node to an unprivileged system account (created on first use) through {@code setpriv}, which
 * also asks the kernel to signal the node when the launching thread dies: no orphan survives a killed service.
 */
final class NodeAccount {

    private static final Logger log = LoggerFactory.getLogger(NodeAccount.class);

    private final boolean root;
    private final String name;
    private final boolean setprivAvailable;

    private NodeAccount(boolean root, String name, boolean setprivAvailable) {
        this.root = root;
        this.name = name;
        this.setprivAvailable = setprivAvailable;
    }

    static NodeAccount detect(String unprivilegedName) throws IOException {
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        boolean setpriv = run(List.of("setpriv", "--version")) == 0;
        if (root && !setpriv) {
            throw new IOException("Running as root needs setpriv (util-linux) to start Elasticsearch unprivileged");
        }
        NodeAccount account = new NodeAccount(root, unprivilegedName, setpriv);
        if (root) {
            account.ensureExists();
            log.warn(
                    "The service runs as root and Elasticsearch refuses root: the managed node runs as the"
                            + " unprivileged account '{}'",
                    unprivilegedName);
        }
        return account;
    }

    boolean isRoot() {
        return root;
    }

    /** The command prefix that starts a program as the node account, dying with the launching thread. */
    List<String> commandPrefix() {
        List<String> prefix = new ArrayList<>();
        if (setprivAvailable) {
            prefix.add("setpriv");
            if (root) {
                prefix.addAll(List.of("--reuid=" + name, "--regid=" + name, "--init-groups"));
            }
            prefix.add("--pdeathsig=TERM");
            prefix.add("--");
        }
        return prefix;
    }

    /** Hands a tree to the node account (no-op unless root). */
    void own(Path path) throws IOException {
        if (root && run(List.of("chown", "-R", name + ":" + name, path.toString())) != 0) {
            throw new IOException("chown -R " + name + " " + path + " failed");
        }
    }

    /** True when the node account can reach {@code dir}: every ancestor must be searchable by others. */
    boolean canTraverse(Path dir) throws IOException {
        if (!root) {
            return true;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private void ensureExists() throws IOException {
        if (run(List.of("id", "-u", name)) == 0) {
            return;
        }
        log.info("Creating system account '{}' for the managed Elasticsearch node", name);
        int rc = run(List.of(
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/usr/sbin/nologin",
                name));
        if (rc != 0 && run(List.of("id", "-u", name)) != 0) {
            throw new IOException("Could not create the account '" + name + "' (useradd exit " + rc + ")");
        }
    }

    private static int run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command, e);
        }
    }
}
