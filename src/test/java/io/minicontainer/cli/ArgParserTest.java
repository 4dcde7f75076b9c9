package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgParserTest {
    private static final List<Flag> FLAGS = List.of(
            Flag.value("name", Flag.NO_SHORTHAND, "NAME", "name"),
            Flag.value("rootfs", Flag.NO_SHORTHAND, "DIR", "rootfs"),
            Flag.value("env", 'e', "K=V", "env"),
            Flag.bool("interactive", 'i', "stdin"),
            Flag.bool("tty", 't', "terminal"),
            Flag.bool("rm", Flag.NO_SHORTHAND, "remove"));

    private static ParsedArgs parse(String... args) {
        return new ArgParser(FLAGS).parse(List.of(args));
    }

    @Test
    void longFlagTakesTheNextArgumentAsItsValue() {
        assertThat(parse("--name", "web").value("name")).contains("web");
    }

    @Test
    void longFlagTakesTheValueAfterAnEqualsSign() {
        assertThat(parse("--name=web").value("name")).contains("web");
    }

    @Test
    void valueAfterEqualsMayItselfContainEqualsSigns() {
        assertThat(parse("--env=K=V=W").all("env")).containsExactly("K=V=W");
    }

    @Test
    void valueFlagTakesTheNextArgumentEvenWhenItLooksLikeAFlag() {
        ParsedArgs parsed = parse("--name", "--rm");

        assertThat(parsed.value("name")).contains("--rm");
        assertThat(parsed.has("rm")).isFalse();
    }

    @Test
    void groupedShorthandsSetEveryBooleanFlag() {
        ParsedArgs parsed = parse("-it", "sh");

        assertThat(parsed.bool("interactive")).isTrue();
        assertThat(parsed.bool("tty")).isTrue();
        assertThat(parsed.positional()).containsExactly("sh");
    }

    @Test
    void shorthandValueMayBeAttached() {
        assertThat(parse("-eK=V").all("env")).containsExactly("K=V");
    }

    @Test
    void shorthandValueMayBeTheNextArgument() {
        assertThat(parse("-e", "K=V").all("env")).containsExactly("K=V");
    }

    @Test
    void shorthandValueMayFollowAnEqualsSign() {
        assertThat(parse("-e=K=V").all("env")).containsExactly("K=V");
    }

    @Test
    void valueShorthandAtTheEndOfAGroupTakesTheNextArgument() {
        ParsedArgs parsed = parse("-ie", "K=V", "sh");

        assertThat(parsed.bool("interactive")).isTrue();
        assertThat(parsed.all("env")).containsExactly("K=V");
        assertThat(parsed.positional()).containsExactly("sh");
    }

    @Test
    void valueShorthandInsideAGroupTakesTheRestOfTheGroup() {
        ParsedArgs parsed = parse("-ei");

        assertThat(parsed.all("env")).containsExactly("i");
        assertThat(parsed.has("interactive")).isFalse();
    }

    @Test
    void booleanFlagIsTrueWhenGivenAndFalseWhenAbsent() {
        assertThat(parse("--rm").bool("rm")).isTrue();
        assertThat(parse().bool("rm")).isFalse();
    }

    @Test
    void booleanFlagAcceptsAnExplicitFalse() {
        assertThat(parse("--rm=false").bool("rm")).isFalse();
    }

    @Test
    void lastOccurrenceOfABooleanFlagWins() {
        assertThat(parse("--rm", "--rm=false").bool("rm")).isFalse();
        assertThat(parse("--rm=false", "--rm=true").bool("rm")).isTrue();
    }

    @Test
    void booleanFlagRefusesAValueThatIsNotTrueOrFalse() {
        assertThatThrownBy(() -> parse("--rm=maybe")).isInstanceOf(CliException.class)
                .hasMessage("invalid argument \"maybe\" for \"--rm\" flag");
    }

    @Test
    void lastValueWinsForASingleValuedFlag() {
        assertThat(parse("--name", "a", "--name=b").value("name")).contains("b");
    }

    @Test
    void repeatedEnvFlagsKeepEveryValueInOrder() {
        assertThat(parse("-e", "A=1", "--env", "B=2", "-eC=3").all("env")).containsExactly("A=1", "B=2", "C=3");
    }

    @Test
    void doubleDashEndsFlagsAndIsDropped() {
        ParsedArgs parsed = parse("--rm", "--", "--name", "x");

        assertThat(parsed.has("name")).isFalse();
        assertThat(parsed.positional()).containsExactly("--name", "x");
    }

    @Test
    void parsingStopsAtTheFirstNonFlagAndKeepsTheRestVerbatim() {
        ParsedArgs parsed = parse("--rootfs", "d", "sh", "-c", "ls -l", "--rm", "--", "-x");

        assertThat(parsed.value("rootfs")).contains("d");
        assertThat(parsed.has("rm")).isFalse();
        assertThat(parsed.positional()).containsExactly("sh", "-c", "ls -l", "--rm", "--", "-x");
    }

    @Test
    void aLoneDashIsAnArgumentNotAFlag() {
        assertThat(parse("-", "--rm").positional()).containsExactly("-", "--rm");
    }

    @Test
    void absentValueFlagIsEmpty() {
        ParsedArgs parsed = parse("sh");

        assertThat(parsed.value("name")).isEmpty();
        assertThat(parsed.all("env")).isEmpty();
        assertThat(parsed.has("name")).isFalse();
    }

    @Test
    void unknownLongFlagIsNamedInTheError() {
        assertThatThrownBy(() -> parse("--bogus", "x")).isInstanceOf(CliException.class)
                .hasMessage("unknown flag: --bogus");
    }

    @Test
    void unknownLongFlagWithAValueIsNamedWithoutTheValue() {
        assertThatThrownBy(() -> parse("--bogus=1")).hasMessage("unknown flag: --bogus");
    }

    @Test
    void unknownShorthandIsNamedInTheError() {
        assertThatThrownBy(() -> parse("-x")).isInstanceOf(CliException.class)
                .hasMessage("unknown shorthand flag: 'x' in -x");
    }

    @Test
    void longFlagWithoutItsValueIsAnError() {
        assertThatThrownBy(() -> parse("--name")).isInstanceOf(CliException.class)
                .hasMessage("flag needs an argument: --name");
    }

    @Test
    void shorthandWithoutItsValueIsAnError() {
        assertThatThrownBy(() -> parse("-e")).isInstanceOf(CliException.class)
                .hasMessage("flag needs an argument: 'e' in -e");
    }

    @Test
    void unknownShorthandInAGroupIsReportedWithTheRestOfTheGroupAsPflagDoes() {
        assertThatThrownBy(() -> parse("-ix")).hasMessage("unknown shorthand flag: 'x' in -x");
    }

    @Test
    void missingValueInAGroupIsReportedWithTheRestOfTheGroupAsPflagDoes() {
        assertThatThrownBy(() -> parse("-ie")).hasMessage("flag needs an argument: 'e' in -e");
    }

    @Test
    void booleanShorthandAcceptsAValueAfterAnEqualsSign() {
        ParsedArgs parsed = parse("-i=false", "sh");

        assertThat(parsed.bool("interactive")).isFalse();
        assertThat(parsed.positional()).containsExactly("sh");
    }

    @Test
    void flagsAnywhereTakesFlagsAfterArgumentsButStillStopsAtDoubleDash() {
        ParsedArgs parsed = new ArgParser(List.of(Flag.bool("force", 'f', "")), true).parse(List.of("web", "-f", "--", "-x"));
        assertThat(parsed.bool("force")).isTrue();
        assertThat(parsed.positional()).containsExactly("web", "-x");
    }
}
