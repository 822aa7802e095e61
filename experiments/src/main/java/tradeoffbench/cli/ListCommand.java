package tradeoffbench.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tradeoffbench.catalog.BenchmarkCatalog;
import tradeoffbench.catalog.BenchmarkMethod;
import tradeoffbench.claims.Claim;
import tradeoffbench.claims.Claims;
import tradeoffbench.targets.DockerProbe;
import tradeoffbench.targets.TargetResolver;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List claims, families and benchmarks, and which target each engine would resolve to right now, and why.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BenchmarkCatalog catalog = BenchmarkCatalog.load();
        System.out.println("Claims (run <claim...|all>):");
        for (Claim c : Claims.load().all()) {
            System.out.printf("  %-20s \"%s\"%n", c.id(), c.info().quote());
        }
        System.out.println();
        System.out.println("Families and benchmarks:");
        for (String family : catalog.families()) {
            System.out.println("  " + family);
            for (BenchmarkMethod m : catalog.all()) {
                if (m.family().equals(family)) {
                    String params = m.params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                            .collect(Collectors.joining(" "));
                    String needs = m.needs().stream().map(e -> e.label()).collect(Collectors.joining("+"))
                            + m.shards().map(sh -> " (+" + sh.param() + " shards)").orElse("");
                    System.out.printf("    %-52s needs %-20s %s%n", m.shortName(), needs.isEmpty() ? "-" : needs, params);
                }
            }
        }
        System.out.println();
        System.out.println("Targets right now:");
        TargetResolver.resolve(TargetArgs.options(spec), DockerProbe.testcontainers()).values()
                .forEach(r -> System.out.println("  " + r.describe()));
        return 0;
    }
}
