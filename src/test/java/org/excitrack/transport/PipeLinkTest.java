package org.excitrack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.excitrack.testing.LinkReads.readExactly;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PipeLinkTest {
    private static final long DEADLINE_SECONDS = 10;

    private final PipeLink[] ends = PipeLink.pair("pipe:test");
    private final PipeLink controller = ends[0];
    private final PipeLink device = ends[1];

    @Test
    void endsAreDescribed() {
        assertThat(controller.description()).isEqualTo("pipe:test");
        assertThat(device.description()).isEqualTo("pipe:test (device side)");
    }

    @Test
    void bytesGoBothWaysUnchanged() {
        byte[] everyValue = new byte[256];
        for (int i = 0; i < everyValue.length; i++) {
            everyValue[i] = (byte) i;
        }
        controller.write(everyValue);
        assertThat(readExactly(device, 256, 256, DEADLINE_SECONDS)).isEqualTo(everyValue);
        device.write(everyValue);
        assertThat(readExactly(controller, 256, 256, DEADLINE_SECONDS)).isEqualTo(everyValue);
    }

    @Test
    void writesArriveInOrderAndSmallReadsSplitThem() {
        controller.write(new byte[] {1, 2, 3, 4, 5});
        controller.write(new byte[] {6, 7});
        controller.write(new byte[] {8, 9, 10});
        assertThat(readExactly(device, 10, 3, DEADLINE_SECONDS)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aReadNeverReturnsMoreThanAskedAndFillsAtTheOffset() {
        controller.write(new byte[] {1, 2, 3, 4, 5});
        byte[] buffer = new byte[6];
        assertThat(device.read(buffer, 4, 2)).isEqualTo(2);
        assertThat(buffer).containsExactly(0, 0, 0, 0, 1, 2);
    }

    @Test
    void theWritersArrayIsCopiedSoLaterChangesDoNotLeak() {
        byte[] data = {1, 2, 3};
        controller.write(data);
        data[0] = 99;
        assertThat(readExactly(device, 3, 3, DEADLINE_SECONDS)).containsExactly(1, 2, 3);
    }

    @Test
    void aReadReturnsZeroWhenNothingArrives() {
        assertThat(device.read(new byte[8], 0, 8)).isZero();
    }

    @Test
    void closingEitherEndDeliversWhatWasWrittenThenEndsBothStreams() {
        controller.write(new byte[] {1, 2});
        controller.close();
        controller.close();
        assertThat(readExactly(device, 2, 8, DEADLINE_SECONDS)).containsExactly(1, 2);
        assertThat(device.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(device.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(controller.read(new byte[8], 0, 8)).isEqualTo(-1);
    }

    @Test
    void writingAfterCloseFailsNamingTheLink() {
        device.close();
        assertThatThrownBy(() -> controller.write(new byte[] {1}))
                .isInstanceOf(TransportException.class)
                .hasMessage("pipe:test is closed");
        assertThatThrownBy(() -> device.write(new byte[] {1}))
                .isInstanceOf(TransportException.class)
                .hasMessage("pipe:test (device side) is closed");
    }

    @Test
    void closingFromAnotherThreadWakesABlockedReader() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[8];
            int n = device.read(buffer, 0, buffer.length);
            idle.countDown();
            while (n == 0) {
                n = device.read(buffer, 0, buffer.length);
            }
            return n;
        });
        assertThat(idle.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        controller.close();
        assertThat(reader.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isEqualTo(-1);
    }

}
