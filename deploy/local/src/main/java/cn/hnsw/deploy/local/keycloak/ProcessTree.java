package cn.hnsw.deploy.local.keycloak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a child process together with its descendants. {@code kc.sh} is a shell that starts the Keycloak JVM as its own
 * child; destroying only the shell would leave the JVM running and holding the ports.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to the root (which {@code kc.sh} forwards to the JVM, so Keycloak shuts down cleanly), waits up to
     * {@code grace} for the whole tree, then kills whatever is left.
     *
     * @return true when every process ended within {@code grace}
     */
    static boolean stop(Process root, Duration grace) {
        // Take the tree before anything dies: an orphaned JVM is re-parented and no longer a descendant.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root.toHandle());
        root.destroy();
        boolean graceful = awaitExit(tree, grace);
        if (!graceful) {
            for (ProcessHandle p : tree) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            awaitExit(tree, Duration.ofSeconds(10));
        }
        return graceful;
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        }
    }
}
