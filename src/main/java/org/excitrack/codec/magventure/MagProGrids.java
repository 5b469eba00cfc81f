package org.excitrack.codec.magventure;

/**
 * The setting grids of tms.md §1.10 and the peers it cites, in wire units. Where the peers differ on a grid's
 * steps, the one a peer documents with the command that uses it is taken, and the stimulator's own read-back
 * is the final check.
 */
public final class MagProGrids {
    /**
     * Inter-pulse interval in Twin and Dual mode (waveforms other than biphasic burst), tenths of a millisecond:
     * 1.0–9.9 ms by 0.1, 10–19.5 by 0.5, 20–99 by 1, 100–490 by 10, 500–950 by 50, 1000–3000 by 100.
     */
    public static final ValueGrid PAIRED_IPI_TENTHS_MS = ValueGrid.of(
            "1.0-9.9 ms in 0.1 ms steps, 10-19.5 ms in 0.5 ms, 20-99 ms in 1 ms, 100-490 ms in 10 ms, "
                    + "500-950 ms in 50 ms, 1000-3000 ms in 100 ms",
            10, 99, 1, 100, 195, 5, 200, 990, 10, 1000, 4900, 100, 5000, 9500, 500, 10000, 30000, 1000);

    /**
     * Interval between the pulses of a biphasic burst, tenths of a millisecond: 0.5–9.9 ms by 0.1, 10–19.5 by 0.5,
     * 20–100 by 1.
     */
    public static final ValueGrid BURST_IPI_TENTHS_MS = ValueGrid.of(
            "0.5-9.9 ms in 0.1 ms steps, 10-19.5 ms in 0.5 ms, 20-100 ms in 1 ms",
            5, 99, 1, 100, 195, 5, 200, 1000, 10);

    /** Twin mode's amplitude of B relative to A, hundredths: 0.20–5.00 in steps of 0.05. */
    public static final ValueGrid BA_RATIO_HUNDREDTHS = ValueGrid.of("0.20-5.00 in steps of 0.05", 20, 500, 5);

    /** Command 8's delay of the trigger input, tenths of a millisecond: 0–0.9 ms by 0.1, 1–100 ms by 1. */
    public static final ValueGrid INPUT_DELAY_TENTHS_MS = ValueGrid.of(
            "0-0.9 ms in 0.1 ms steps, 1-100 ms in 1 ms", 0, 9, 1, 10, 1000, 10);

    /**
     * Command 8's delay of the trigger output, tenths of a millisecond: −100…−10 ms by 1, −9.9…9.9 by 0.1,
     * 10…100 by 1.
     */
    public static final ValueGrid OUTPUT_DELAY_TENTHS_MS = ValueGrid.of(
            "-100 to -10 ms in 1 ms steps, -9.9 to 9.9 ms in 0.1 ms, 10-100 ms in 1 ms",
            -1000, -100, 10, -99, 99, 1, 100, 1000, 10);

    /** Command 8's charge delay, milliseconds: 0–90 by 10, 100–900 by 100, 1000–10 000 by 1000. */
    public static final ValueGrid CHARGE_DELAY_MS = ValueGrid.of(
            "0-90 ms in 10 ms steps, 100-900 ms in 100 ms, 1000-10000 ms in 1000 ms",
            0, 90, 10, 100, 900, 100, 1000, 10000, 1000);

    private MagProGrids() {
    }
}
