package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {
    @Test
    void columnsAreContiguousTabTerminatedCellsAsInGosDocumentation() {
        String text = "aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n";
        assertThat(TabWriter.format(text, 0, 1)).isEqualTo("aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n");
    }

    @Test
    void dockerColumnsAreAtLeastTenWideAndThreeApart() {
        String text = "CONTAINER ID\tIMAGE\tNAMES\n4f66ad9a0b2e\tnginx\tweb\n";
        assertThat(TabWriter.docker(text)).isEqualTo("""
                CONTAINER ID   IMAGE     NAMES
                4f66ad9a0b2e   nginx     web
                """);
    }

    @Test
    void theLastCellIsNeverPaddedButEmptyColumnCellsAre() {
        assertThat(TabWriter.docker("A\tB\tC\nx\t\tz\n")).isEqualTo("A         B         C\nx                   z\n");
        assertThat(TabWriter.docker("A\tB\t\n")).isEqualTo("A         B         \n");
    }

    @Test
    void textWithoutTabsOrAFinalNewlinePassesThrough() {
        assertThat(TabWriter.docker("")).isEmpty();
        assertThat(TabWriter.docker("plain\nlines")).isEqualTo("plain\nlines");
        assertThat(TabWriter.docker("a\tb")).isEqualTo("a\tb".replace("\t", "         "));
    }

    @Test
    void widthsCountCharactersNotBytes() {
        assertThat(TabWriter.format("é\tx\nab\ty\n", 0, 1)).isEqualTo("é  x\nab y\n");
    }
}
