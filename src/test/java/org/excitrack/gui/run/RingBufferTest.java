package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RingBufferTest {
    @ParameterizedTest(name = "{1} points into {0}: keeps {2}")
    @CsvSource({
        "4, 0, ''",
        "4, 3, '1,2,3'",
        "4, 4, '1,2,3,4'",
        "4, 5, '2,3,4,5'",
        "4, 11, '8,9,10,11'",
        "1, 3, '3'"
    })
    void keepsTheNewestPointsOldestFirst(int capacity, int added, String kept) {
        RingBuffer b = new RingBuffer(capacity);
        for (int i = 1; i <= added; i++) {
            b.add(i, i * 10);
        }
        double[] x = new double[capacity];
        double[] y = new double[capacity];
        int n = b.copyTo(x, y);
        String expected = kept.isEmpty() ? "" : kept;
        assertThat(Arrays.stream(x, 0, n).mapToObj(v -> String.valueOf((int) v)).reduce((a, c) -> a + "," + c)
                .orElse("")).isEqualTo(expected);
        for (int i = 0; i < n; i++) {
            assertThat(y[i]).isEqualTo(x[i] * 10);
        }
        assertThat(b.size()).isEqualTo(n);
        assertThat(b.version()).isEqualTo(added);
    }

    @Test
    void refusesNoCapacity() {
        assertThatThrownBy(() -> new RingBuffer(0)).hasMessageContaining("capacity 0");
    }
}
