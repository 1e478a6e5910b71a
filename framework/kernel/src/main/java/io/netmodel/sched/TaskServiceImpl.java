package io.netmodel.sched;

import io.netmodel.api.sched.NapiThread;
import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskInfo;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.ModelLock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/** The {@link TaskService}: the task table's calls, each under the model lock. */
public final class TaskServiceImpl implements TaskService {
    private final ModelLock lock;
    private final TaskTable tasks;
    private final Supplier<List<NapiThread>> napiThreads;

    /** {@code napiThreads} is read under the lock (the network core's NAPIs and kthreads). */
    public TaskServiceImpl(ModelLock lock, TaskTable tasks, Supplier<List<NapiThread>> napiThreads) {
        this.lock = lock;
        this.tasks = tasks;
        this.napiThreads = napiThreads;
    }

    @Override
    public List<TaskInfo> tasks() {
        return lock.call(() -> {
            List<TaskInfo> out = new ArrayList<>();
            for (Task t : tasks.tasks()) {
                out.add(t.info());
            }
            return out;
        });
    }

    @Override
    public TaskInfo task(int pid) throws SchedException {
        return lock.call(() -> {
            Task t = tasks.find(pid);
            if (t == null) {
                throw new SchedException(Errno.ESRCH, "no task with pid " + pid);
            }
            return t.info();
        });
    }

    @Override
    public void setScheduler(int pid, SchedPolicy policy, int priority) throws SchedException {
        lock.call(() -> {
            tasks.setScheduler(pid, policy, priority);
            return null;
        });
    }

    @Override
    public void setAffinity(int pid, BitSet mask) throws SchedException {
        BitSet copy = (BitSet) mask.clone();
        lock.call(() -> {
            tasks.setAffinity(pid, copy);
            return null;
        });
    }

    @Override
    public int nrCpuIds() {
        return tasks.nrCpus();
    }

    @Override
    public List<NapiThread> napiThreads() {
        return lock.call(napiThreads::get);
    }
}
