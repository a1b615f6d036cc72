import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints one module's mutation score from PIT's mutations.xml, so that `./mvnw -Pmutation verify` ends each module
 * with a line naming it (PIT's own summary does not say which module it measured).
 *
 * <p>Run by the mutation profile as {@code java bin/MutationScore.java <module> <mutations.xml>}. A mutant counts as
 * killed when PIT marks it detected (killed, timed out, out of memory or run error), as in PIT's own score; mutants no
 * test covers count against the score.
 */
public class MutationScore {

    private static final Pattern DETECTED = Pattern.compile("<mutation detected='(true|false)'");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java MutationScore.java <module> <mutations.xml>");
            System.exit(2);
        }
        String module = args[0];
        Path report = Path.of(args[1]);
        if (!Files.isRegularFile(report)) {
            System.out.println("mutation score " + module + ": no report at " + report);
            return;
        }
        Matcher mutation = DETECTED.matcher(Files.readString(report));
        int total = 0;
        int killed = 0;
        while (mutation.find()) {
            total++;
            if (mutation.group(1).equals("true")) {
                killed++;
            }
        }
        String percent = total == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * killed / total);
        System.out.println("mutation score " + module + ": " + killed + "/" + total + " (" + percent + " %)");
    }
}
