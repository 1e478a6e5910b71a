/* cfuse-snapshot: the C libfuse2 floor for a whole-tree workload. It serves a directory (a
 * copy of the netmodel mount) read-only through FUSE the way netmodel serves its tree: the same
 * mount options, direct_io on every file, d_type in readdir, so a node_exporter scrape of it
 * makes the same upcalls as one of the mount and the difference is netmodel's own cost.
 *   build: gcc -O2 -Wall cfuse-snapshot.c $(pkg-config --cflags --libs fuse) -o cfuse-snapshot
 *   run:   SNAPSHOT_DIR=/tmp/copy cfuse-snapshot MOUNTDIR -f -o entry_timeout=86400,attr_timeout=86400,negative_timeout=86400
 */
#define FUSE_USE_VERSION 26
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *base;

static void real(char *out, const char *path) { snprintf(out, PATH_MAX, "%s%s", base, path); }

static int s_getattr(const char *path, struct stat *st) {
    char p[PATH_MAX];
    real(p, path);
    return lstat(p, st) ? -errno : 0;
}

static int s_readlink(const char *path, char *buf, size_t size) {
    char p[PATH_MAX];
    real(p, path);
    ssize_t n = readlink(p, buf, size - 1);
    if (n < 0) return -errno;
    buf[n] = 0;
    return 0;
}

static int s_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi) {
    char p[PATH_MAX];
    real(p, path);
    DIR *d = opendir(p);
    if (!d) return -errno;
    struct dirent *e;
    struct stat st;
    memset(&st, 0, sizeof st);
    while ((e = readdir(d))) {
        st.st_mode = DTTOIF(e->d_type);
        if (fill(buf, e->d_name, &st, 0)) break;
    }
    closedir(d);
    return 0;
}

static int s_open(const char *path, struct fuse_file_info *fi) {
    char p[PATH_MAX];
    real(p, path);
    int fd = open(p, O_RDONLY);
    if (fd < 0) return -errno;
    fi->fh = fd;
    fi->direct_io = 1;
    return 0;
}

static int s_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    ssize_t n = pread(fi->fh, buf, size, off);
    return n < 0 ? -errno : (int) n;
}

static int s_release(const char *path, struct fuse_file_info *fi) {
    close(fi->fh);
    return 0;
}

int main(int argc, char *argv[]) {
    base = getenv("SNAPSHOT_DIR");
    if (!base) { fprintf(stderr, "cfuse-snapshot: set SNAPSHOT_DIR\n"); return 2; }
    static struct fuse_operations ops = {
        .getattr = s_getattr, .readlink = s_readlink, .readdir = s_readdir,
        .open = s_open, .read = s_read, .release = s_release,
    };
    return fuse_main(argc, argv, &ops, NULL);
}
