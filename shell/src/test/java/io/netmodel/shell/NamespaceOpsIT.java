package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Making, removing and renaming names in the mount, with the tools and the messages of a real
 * host (checked on 6.18 as root): sysfs answers EACCES to a new file and EPERM to everything else,
 * procfs ENOENT to a new name and EPERM (EACCES under /proc/sys) to a removal; nothing changes.
 */
@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(NeedsFuse.class)
class NamespaceOpsIT {
    private static RunningModel model;

    @BeforeAll
    static void up() throws Exception {
        model = RunningModel.up();
    }

    @AfterAll
    static void down() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    /** Runs {@code command} (with $M the mount) under bash in /tmp and returns its stderr. */
    private static String err(String command) {
        Proc.Result r = Proc.run(Map.of("M", model.mount().toString()), "bash", "-c", "cd /tmp; " + command);
        assertTrue(r.exit() != 0, () -> command + " succeeded: " + r);
        return r.err();
    }

    @Test
    void sysfs_makes_and_removes_no_names() {
        for (String[] c : List.of(
            new String[] {"printf 1 > $M/sys/class/net/eth0/newfile", "Permission denied"},
            new String[] {"touch $M/sys/class/net/eth0/newfile", "Permission denied"},
            new String[] {"mkdir $M/sys/class/net/foo", "Operation not permitted"},
            new String[] {"rm -f $M/sys/class/net/eth0/mtu", "Operation not permitted"},
            new String[] {"rmdir $M/sys/class/net/eth0/queues/rx-0", "Operation not permitted"},
            new String[] {"ln -s x $M/sys/class/net/eth0/newlink", "Operation not permitted"},
            new String[] {"ln $M/sys/class/net/eth0/mtu $M/sys/class/net/eth0/mtu2", "Operation not permitted"},
            new String[] {"mv $M/sys/class/net/eth0/mtu $M/sys/class/net/eth0/mtu2", "Operation not permitted"},
            new String[] {"mknod $M/sys/class/net/eth0/p p", "Operation not permitted"})) {
            String e = err(c[0]);
            assertTrue(e.trim().endsWith(c[1]), () -> c[0] + ": " + e);
        }
        assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());
    }

    @Test
    void procfs_finds_no_new_names_and_removes_none() {
        for (String[] c : List.of(
            new String[] {"printf 1 > $M/proc/sys/net/core/newfile", "No such file or directory"},
            new String[] {"mkdir $M/proc/sys/net/core/foo", "No such file or directory"},
            new String[] {"ln -s x $M/proc/sys/net/core/newlink", "No such file or directory"},
            new String[] {"mkfifo $M/proc/sys/net/core/p", "No such file or directory"},
            new String[] {"mv $M/proc/interrupts $M/proc/int2", "No such file or directory"},
            new String[] {"rm -f $M/proc/sys/net/core/busy_poll", "Permission denied"},
            new String[] {"rmdir $M/proc/sys/net/core", "Permission denied"},
            new String[] {"rm -f $M/proc/interrupts", "Operation not permitted"},
            new String[] {"rm -f $M/proc/net/dev", "Operation not permitted"})) {
            String e = err(c[0]);
            assertTrue(e.trim().endsWith(c[1]), () -> c[0] + ": " + e);
        }
        assertEquals("0\n", model.cat("proc/sys/net/core/busy_poll").out());
    }
}
