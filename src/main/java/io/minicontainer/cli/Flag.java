package io.minicontainer.cli;

/**
 * One command-line flag: {@code --name}, an optional one-letter form, whether it takes a value,
 * and its line of help.
 */
record Flag(String name, char shorthand, String valueName, String help) {
    static final char NO_SHORTHAND = 0;

    static Flag bool(String name, char shorthand, String help) {
        return new Flag(name, shorthand, "", help);
    }

    static Flag value(String name, char shorthand, String valueName, String help) {
        return new Flag(name, shorthand, valueName, help);
    }

    boolean takesValue() {
        return !valueName.isEmpty();
    }

    String usage() {
        String names = (shorthand == NO_SHORTHAND ? "    " : "-" + shorthand + ", ") + "--" + name;
        return "  " + Help.padded(names + (takesValue() ? " " + valueName : ""), 28) + " " + help;
    }
}
