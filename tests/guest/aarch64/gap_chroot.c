/* chroot(2) (run as root): errors for bad paths, then a chroot into a new
 * directory, where "/" is that directory for open, stat, chdir and getcwd;
 * the classic escape (fchdir to a descriptor of the old root, chroot ".")
 * gets the old root back.  The directory is removed at the end. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, int r)
{
    printf("%-28s %s\n", what, r < 0 ? strerror(errno) : "ok");
}

static void show_file(const char *label, const char *path)
{
    char buf[64] = "";
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
    if (fd >= 0)
        close(fd);
    printf("%-28s %s\n", label, n < 0 ? strerror(errno) : buf);
}

int main(void)
{
    char dir[64], file[96], sub[96];
    snprintf(dir, sizeof(dir), "/tmp/ferry-gap-chroot-%d", (int)getpid());
    snprintf(file, sizeof(file), "%s/inside", dir);
    snprintf(sub, sizeof(sub), "%s/sub", dir);
    if (mkdir(dir, 0755) < 0 || mkdir(sub, 0755) < 0)
        return 1;
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, "inside the new root", 19) != 19)
        return 1;
    close(fd);

    show("chroot(nonexistent)", chroot("/nonexistent/ferry"));
    show("chroot(file)", chroot(file));
    show("chroot(bad pointer)", chroot((const char *)16));
    int old_root = open("/", O_RDONLY | O_DIRECTORY);
    show("chroot(dir)", chroot(dir));
    show_file("/inside", "/inside");
    show("chdir(/sub)", chdir("/sub"));
    char cwd[256];
    printf("%-28s %s\n", "getcwd", getcwd(cwd, sizeof(cwd)) ? cwd : strerror(errno));
    show_file("../inside", "../inside");
    struct stat st;
    show("stat(/tmp)", stat("/tmp", &st));
    show("stat(/sub)", stat("/sub", &st));
    show("fchdir(old root)", fchdir(old_root));
    show("chroot(.)", chroot("."));
    show("chdir(/)", chdir("/"));
    show_file("old root: the file", file);
    close(old_root);
    unlink(file);
    rmdir(sub);
    show("rmdir(dir)", rmdir(dir));
    return 0;
}
