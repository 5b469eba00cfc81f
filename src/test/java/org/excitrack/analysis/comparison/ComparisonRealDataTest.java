package org.excitrack.analysis.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.storage.mem.MemReader;
import org.junit.jupiter.api.Test;

/** The comparisons on the 20 healthy nerve-norms recordings: two arbitrary halves should not differ. */
class ComparisonRealDataTest {
    private static final Path SAMPLES = Path.of("..", "shared", "data", "nerve-norms", "samples");

    private static List<ComputedVariables> samples() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "the nerve-norms data set is beside the project");
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            files = s.filter(f -> f.toString().toUpperCase().endsWith(".MEM")).sorted().toList();
        }
        assertThat(files).hasSize(20);
        MemReader reader = new MemReader();
        return files.stream().map(f -> ExcitabilityVariables.compute(reader.read(f))).toList();
    }

    @Test
    void twoArbitraryHalvesOfHealthySubjectsMostlyOverlapZero() throws IOException {
        List<ComputedVariables> all = samples();
        List<ComputedVariables> odd = new ArrayList<>();
        List<ComputedVariables> even = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? even : odd).add(all.get(i));
        }
        List<GroupDifference> rows = GroupComparison.compare(even, odd);
        List<GroupDifference> withCi = rows.stream().filter(r -> r.interval().isPresent()).toList();
        assertThat(withCi.size()).as("variables with an interval").isGreaterThan(25);
        long containZero = withCi.stream().filter(r -> r.interval().get().contains(0)).count();
        // at 95 % each, about 1 in 20 misses by chance; ask for 85 % so the test is not fragile
        assertThat((double) containZero / withCi.size()).as("share of CIs containing 0").isGreaterThan(0.85);
        for (GroupDifference r : withCi) {
            assertThat(r.a().n() + r.b().n()).isLessThanOrEqualTo(20);
            assertThat(r.interval().get().contains(r.difference())).isTrue();
            assertThat(r.interval().get().degreesOfFreedom()).isBetween(1.0, 18.0);
        }
    }

    @Test
    void aRecordingComparedWithItselfChangesNothing() throws IOException {
        List<ComputedVariables> all = samples();
        List<Longitudinal.Pair> pairs = all.stream().map(v -> new Longitudinal.Pair(v, v)).toList();
        for (PairedSummary s : Longitudinal.pairedSeries(pairs)) {
            if (s.n() > 0) {
                assertThat(s.meanDifference()).as(s.variable().name()).isZero();
            }
            s.interval().ifPresent(ci -> assertThat(ci.low()).isZero());
        }
        for (PairedChange c : Longitudinal.change(all.get(0), all.get(0))) {
            if (Double.isFinite(c.earlier())) {
                assertThat(c.difference()).isZero();
            }
        }
    }
}
