package org.excitrack.sim.magstim;

/**
 * What a virtual Magstim has done, for tests to read.
 *
 * @param hostMessages messages heard from the host, valid or not
 * @param errorReplies replies that refused a message ({@code ?}, {@code cmd ?}, {@code cmd S})
 * @param pulsesDelivered outputs discharged, by serial fire or trigger (a BiStim² pair counts two)
 * @param missedTriggers triggers on this stimulator's lines that found it not Ready (nothing delivered)
 * @param watchdogDisarms times the keep-alive watchdog expired while armed (disarmed, remote control dropped)
 * @param watchdogRemoteDrops times it expired in standby (remote control dropped)
 * @param idleDisarms times it disarmed after a minute armed without a pulse
 * @param overTemperatureDisarms times it disarmed because the coil passed 40 °C
 */
public record MagstimCounters(long hostMessages, long errorReplies, long pulsesDelivered, long missedTriggers,
                              long watchdogDisarms, long watchdogRemoteDrops, long idleDisarms,
                              long overTemperatureDisarms) {
}
