package tradeoffbench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The order forks run in: rounds, each running one fork of every trial, alternating direction — A B C, C B A,
 * A B C, … — so trials compared with each other are measured side by side, and drift or background load over the
 * run hits them alike rather than the one that happened to run last. A fork's number is its round.
 */
public final class Schedule {
    /** One fork of one trial: round {@code fork} (1-based), at {@code position} (1-based) of the whole schedule. */
    public record Slot(Trial trial, int fork, int position) {
    }

    private Schedule() {
    }

    public static List<Slot> interleaved(List<Trial> trials, int forks) {
        List<Slot> slots = new ArrayList<>();
        for (int round = 1; round <= forks; round++) {
            List<Trial> order = new ArrayList<>(trials);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Trial t : order) {
                slots.add(new Slot(t, round, slots.size() + 1));
            }
        }
        return slots;
    }
}
