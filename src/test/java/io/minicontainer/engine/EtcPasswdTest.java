package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.engine.EtcPasswd.Group;
import io.minicontainer.engine.EtcPasswd.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcPasswdTest {
    @Test
    void readsUsers() {
        assertThat(EtcPasswd.users(ImageFiles.STANDARD)).startsWith(
                new User("root", 0, 0, "/root"), new User("daemon", 1, 1, "/usr/sbin"));
    }

    @Test
    void readsGroupsWithTheirMembers() {
        assertThat(EtcPasswd.groups(ImageFiles.STANDARD)).contains(
                new Group("root", 0, List.of()), new Group("staff", 50, List.of("app", "daemon")));
    }

    @Test
    void missingFilesHaveNoEntries() {
        assertThat(EtcPasswd.users(ImageFiles.NONE)).isEmpty();
        assertThat(EtcPasswd.groups(ImageFiles.NONE)).isEmpty();
    }

    @Test
    void skipsBlankLinesCommentsAndLinesWithoutNumericIds() {
        var files = ImageFiles.of(Map.of("/etc/passwd", "\n# comment\n  \nbad:x:abc:0::/:/bin/sh\nok:x:5:6::/h:/bin/sh\r\n"));

        assertThat(EtcPasswd.users(files)).containsExactly(new User("ok", 5, 6, "/h"));
    }

    @Test
    void shortLinesHaveEmptyTrailingFields() {
        var files = ImageFiles.of(Map.of("/etc/passwd", "short:x:7:8\n", "/etc/group", "g:x:9\n"));

        assertThat(EtcPasswd.users(files)).containsExactly(new User("short", 7, 8, ""));
        assertThat(EtcPasswd.groups(files)).containsExactly(new Group("g", 9, List.of()));
    }
}
