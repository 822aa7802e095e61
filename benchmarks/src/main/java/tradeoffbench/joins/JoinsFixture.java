package tradeoffbench.joins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The models of the family, generated once per JVM (several benchmarks and tests share them). */
final class JoinsFixture {
    static final String MONGO_DATABASE = "tradeoffbench";
    private static final Map<String, JoinsModel> MODELS = new ConcurrentHashMap<>();

    private JoinsFixture() {
    }

    /** The model of (posts, fanout), generated once per JVM. */
    static JoinsModel model(int posts, int fanout) {
        return MODELS.computeIfAbsent(posts + "/" + fanout, k -> JoinsModel.of(posts, fanout));
    }
}
