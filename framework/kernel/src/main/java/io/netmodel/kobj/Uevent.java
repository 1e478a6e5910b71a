package io.netmodel.kobj;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.List;

/**
 * A write to a {@code uevent} file: {@code kobject_synth_uevent} (lib/kobject_uevent.c), which
 * every kobject's {@code uevent} store calls (a device's, a driver's, a workqueue's). The text is
 * an action ({@code add}, {@code change}, ...), optionally followed by a space, a UUID and
 * {@code KEY=VALUE} pairs of letters and digits, each after one space; one trailing newline (or
 * NUL) is dropped. Anything else is EINVAL. The model sends no uevent (it has no netlink
 * listeners), so a valid write only returns its length.
 *
 * <p>Not modelled: before 4.13 (f36776fafbaa, the synthetic uevent arguments) a device's
 * {@code uevent_store} returned the length for an unknown action too, and {@code bind}/{@code unbind}
 * are actions from 4.14; the model parses as 4.14+ in every release.
 */
public final class Uevent {
    /** {@code kobject_actions[]}, in {@code enum kobject_action}'s order. */
    private static final List<String> ACTIONS =
        List.of("add", "remove", "change", "move", "online", "offline", "bind", "unbind");
    private static final int UUID_STRING_LEN = 36;

    private Uevent() {
    }

    /** Validates one write as {@code kobject_synth_uevent} does: the bytes consumed, or EINVAL. */
    public static int synth(byte[] data) throws VfsException {
        int count = dropTerminator(data, data.length);
        int space = indexOf(data, count, (byte) ' ');
        int first = space < 0 ? count : space;
        if (count == 0 || !ACTIONS.contains(new String(data, 0, first, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            throw new VfsException(Errno.EINVAL); // kobject_action_type: "unknown uevent action string"
        }
        if (space >= 0 && !validArgs(data, space + 1, data.length)) {
            throw new VfsException(Errno.EINVAL); // "incorrect uevent action arguments"
        }
        return data.length;
    }

    /** {@code kobject_action_args}: a UUID, then {@code " KEY=VALUE"} pairs of alphanumerics. */
    private static boolean validArgs(byte[] data, int from, int to) {
        int end = dropTerminator(data, to); // the args' own count, from the action's
        if (end - from < UUID_STRING_LEN || !uuidValid(data, from)) {
            return false;
        }
        int next = from + UUID_STRING_LEN;
        while (next < end) {
            if (data[next] != ' ') {
                return false;
            }
            int key = ++next;
            next = wordEnd(data, key, end, '=');
            if (next < 0 || next >= end || data[next] != '=') {
                return false;
            }
            int value = ++next;
            if (value >= end) {
                return false;
            }
            next = wordEnd(data, value, end, ' ');
            if (next < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code action_arg_word_end}: the delimiter's index (or {@code end}), -1 on a non-alphanumeric or an empty word. */
    private static int wordEnd(byte[] data, int from, int end, char delim) {
        int i = from;
        while (i < end && data[i] != delim) {
            if (!isalnum(data[i] & 0xff)) {
                return -1;
            }
            i++;
        }
        return i == from ? -1 : i;
    }

    /** The kernel's {@code isalnum} (lib/ctype.c): ASCII letters and digits, and Latin-1's letters. */
    private static boolean isalnum(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0xc0 && c != 0xd7 && c != 0xf7;
    }

    /** {@code uuid_is_valid}: {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in hex digits. */
    private static boolean uuidValid(byte[] data, int from) {
        for (int i = 0; i < UUID_STRING_LEN; i++) {
            byte b = data[from + i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? b != '-' : Character.digit(b, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int dropTerminator(byte[] data, int count) {
        return count > 0 && (data[count - 1] == '\n' || data[count - 1] == 0) ? count - 1 : count;
    }

    private static int indexOf(byte[] data, int count, byte b) {
        for (int i = 0; i < count; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
