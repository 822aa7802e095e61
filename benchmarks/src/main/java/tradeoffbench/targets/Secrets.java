package tradeoffbench.targets;

import java.util.regex.Pattern;

/** Masks passwords in connection strings before they reach a console line, a log, {@code run.json} or a CSV. */
public final class Secrets {
    public static final String MASK = "****";

    /**
     * {@code scheme://user:password@host}. The password runs to the LAST {@code @} of the URL, so one typed without
     * percent-encoding ({@code p@ss:w/rd}) is masked whole; masking a little too much is the safe side.
     */
    private static final Pattern USER_INFO = Pattern.compile("(://[^:/?#@\\s]*):((?:[^\\s@]|@(?=\\S*@))*)@");
    /** {@code ?password=...} or {@code &password=...} (JDBC and MongoDB query options). */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|pwd)=)([^&;\\s]*)");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    /** Masks every occurrence of a known secret, for messages from drivers that may echo it back. */
    public static String mask(String text, String secret) {
        String masked = mask(text);
        if (masked == null || secret == null || secret.isEmpty()) {
            return masked;
        }
        return masked.replace(secret, MASK);
    }
}
