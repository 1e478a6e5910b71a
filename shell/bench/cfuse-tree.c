/* cfuse-tree: the C libfuse2 floor for one file at the SAME PATH as in the netmodel mount,
 * so a per-op comparison pays the same number of lookups. A variant of
 * shared/tools/fuse-floor/cfuse.c (one file at the root).
 *   env FLOOR_FILE   absolute path of the file, e.g. /proc/sys/net/core/busy_poll
 *       FLOOR_SIZE   st_size to report: 0 (proc-like) or 4096 (sysfs-like); both served with direct_io
 *       FLOOR_LINK   optional symlink "LINKPATH=TARGET" (e.g. /sys/class/net/eth0=../../devices/...)
 *   build: gcc -O2 -Wall cfuse-tree.c $(pkg-config --cflags --libs fuse) -o cfuse-tree
 *   run:   FLOOR_FILE=... cfuse-tree MOUNTDIR -f [-o entry_timeout=86400,attr_timeout=86400,negative_timeout=86400]
 */
#define FUSE_USE_VERSION 26
#include <errno.h>
#include <fuse.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *file_path;
static long file_size;
static char link_path[512], link_target[512];
static const char value[] = "0\n";

/* path is a proper prefix directory of p ("/a/b" of "/a/b/c") */
static int is_dir_of(const char *path, const char *p) {
    size_t n = strlen(path);
    if (!strcmp(path, "/")) return 1;
    return strncmp(p, path, n) == 0 && p[n] == '/';
}

static int is_dir(const char *path) {
    return is_dir_of(path, file_path) || (link_path[0] && is_dir_of(path, link_path));
}

static int c_getattr(const char *path, struct stat *st) {
    memset(st, 0, sizeof *st);
    if (!strcmp(path, file_path)) { st->st_mode = S_IFREG | 0644; st->st_nlink = 1; st->st_size = file_size; return 0; }
    if (link_path[0] && !strcmp(path, link_path)) { st->st_mode = S_IFLNK | 0777; st->st_nlink = 1; return 0; }
    if (is_dir(path)) { st->st_mode = S_IFDIR | 0755; st->st_nlink = 2; return 0; }
    return -ENOENT;
}

static int c_readlink(const char *path, char *buf, size_t size) {
    if (!link_path[0] || strcmp(path, link_path)) return -EINVAL;
    snprintf(buf, size, "%s", link_target);
    return 0;
}

static int c_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi) {
    (void)off; (void)fi;
    if (!is_dir(path)) return -ENOTDIR;
    fill(buf, ".", NULL, 0);
    fill(buf, "..", NULL, 0);
    return 0;
}

static int c_open(const char *path, struct fuse_file_info *fi) {
    if (strcmp(path, file_path)) return -ENOENT;
    fi->direct_io = 1; /* as netmodel: every file, so a read past a short reply costs no getattr */
    return 0;
}

static int c_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    (void)path; (void)fi;
    size_t len = sizeof value - 1;
    if ((size_t)off >= len) return 0;
    size_t n = len - off < size ? len - off : size;
    memcpy(buf, value + off, n);
    return (int)n;
}

static int c_release(const char *path, struct fuse_file_info *fi) { (void)path; (void)fi; return 0; }

static struct fuse_operations ops = {
    .getattr = c_getattr, .readlink = c_readlink, .readdir = c_readdir, .open = c_open,
    .read = c_read, .release = c_release,
};

int main(int argc, char *argv[]) {
    file_path = getenv("FLOOR_FILE");
    if (!file_path) { fprintf(stderr, "FLOOR_FILE is not set\n"); return 2; }
    file_size = getenv("FLOOR_SIZE") ? atol(getenv("FLOOR_SIZE")) : 0;
    const char *l = getenv("FLOOR_LINK");
    if (l && strchr(l, '=')) {
        snprintf(link_path, sizeof link_path, "%.*s", (int)(strchr(l, '=') - l), l);
        snprintf(link_target, sizeof link_target, "%s", strchr(l, '=') + 1);
    }
    return fuse_main(argc, argv, &ops, NULL);
}
