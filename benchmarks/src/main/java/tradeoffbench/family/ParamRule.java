package tradeoffbench.family;

import java.util.regex.Pattern;

/** What one benchmark class accepts for one {@code @Param} (from its {@link tradeoffbench.params.Accepts}). */
public record ParamRule(String benchmark, Pattern pattern, String meaning, long bytesEach) {

    public boolean accepts(String value) {
        return pattern.matcher(value).matches();
    }
}
