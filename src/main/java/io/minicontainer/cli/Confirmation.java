package io.minicontainer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** docker's prompt before a prune: the question, " [y/N] ", and yes only for y or Y. */
final class Confirmation {
    private Confirmation() {}

    static boolean ask(String question, InputStream stdin, Context context) {
        context.out().print(question + " [y/N] ");
        context.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equalsIgnoreCase("y");
        } catch (IOException e) {
            return false;
        }
    }
}
