package tradeoffbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.lookup.Lookup;

/** Forks of compared trials alternate, round by round, so drift hits both alike. */
class ScheduleTest {

    @Test
    void roundsRunOneForkOfEveryTrialAlternatingDirection() {
        BenchmarkCatalog catalog = BenchmarkCatalog.load();
        List<Trial> trials = TrialPlan.expand(List.of(
                new MethodRequest(catalog.find(Lookup.POSTGRES_PRIMARY_KEY).orElseThrow(), Map.of("users", List.of("10000")),
                        List.of(1), Set.of(Mode.SampleTime)),
                new MethodRequest(catalog.find(Lookup.MONGO_FIND_BY_ID).orElseThrow(), Map.of("users", List.of("10000")),
                        List.of(1), Set.of(Mode.SampleTime))), Map.of(), List.of(), Set.of());
        Trial a = trials.get(0);
        Trial b = trials.get(1);

        List<Schedule.Slot> slots = Schedule.interleaved(trials, 4);

        assertThat(slots).extracting(Schedule.Slot::trial).containsExactly(a, b, b, a, a, b, b, a);
        assertThat(slots).extracting(Schedule.Slot::fork).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
        assertThat(slots).extracting(Schedule.Slot::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
