package org.excitrack.sim.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.sim.nerve.PhenomenologicalParameter;
import org.excitrack.sim.nerve.PhenomenologicalParameters;
import org.excitrack.sim.nerve.PopulationParameters;

/**
 * A virtual subject as a preset file describes it, resolved: who the person is, how the recording looks, the
 * motor-unit population, which axon layer runs, and that layer's parameters. Biophysical and cortical settings
 * are kept as lines and applied by {@link VirtualSubjects}, which knows those models' parameter names.
 *
 * @param name the preset's name or file
 * @param description one line for people
 * @param layer the axon layer the subject runs on
 * @param ageYears age written into recordings' headers and used by normative comparisons
 * @param sex "M" or "F"
 * @param skinTemperatureCelsius skin temperature, as a technician would note it
 * @param noiseMicrovoltsRms baseline noise at the electrodes, µV rms
 * @param mainsHumMicrovolts amplitude of mains interference, µV (0 for none)
 * @param mainsFrequencyHertz mains frequency, Hz
 * @param contractionFractionOfMvc voluntary contraction of the recorded muscle, 0 = at rest (0.2 = 20 % MVC)
 * @param population the motor units
 * @param phenomenological parameters of the phenomenological layer
 * @param biophysical settings for the biophysical layer, in file order
 * @param cortex settings for the cortex, in file order
 */
public record SubjectPreset(
        String name,
        String description,
        AxonLayer layer,
        double ageYears,
        String sex,
        double skinTemperatureCelsius,
        double noiseMicrovoltsRms,
        double mainsHumMicrovolts,
        double mainsFrequencyHertz,
        double contractionFractionOfMvc,
        PopulationParameters population,
        PhenomenologicalParameters phenomenological,
        List<PresetLine> biophysical,
        List<PresetLine> cortex) {

    public SubjectPreset {
        biophysical = List.copyOf(biophysical);
        cortex = List.copyOf(cortex);
    }

    /** Reads and resolves a built-in preset by name, or a preset file by path. */
    public static SubjectPreset load(String nameOrPath) {
        return resolve(nameOrPath, SubjectPresetFile.read(nameOrPath));
    }

    public SubjectPreset withLayer(AxonLayer newLayer) {
        return new SubjectPreset(name, description, newLayer, ageYears, sex, skinTemperatureCelsius,
                noiseMicrovoltsRms, mainsHumMicrovolts, mainsFrequencyHertz, contractionFractionOfMvc, population,
                phenomenological, biophysical, cortex);
    }

    public SubjectPreset withPopulation(PopulationParameters newPopulation) {
        return new SubjectPreset(name, description, layer, ageYears, sex, skinTemperatureCelsius,
                noiseMicrovoltsRms, mainsHumMicrovolts, mainsFrequencyHertz, contractionFractionOfMvc, newPopulation,
                phenomenological, biophysical, cortex);
    }

    public SubjectPreset withPhenomenological(PhenomenologicalParameters newParameters) {
        return new SubjectPreset(name, description, layer, ageYears, sex, skinTemperatureCelsius,
                noiseMicrovoltsRms, mainsHumMicrovolts, mainsFrequencyHertz, contractionFractionOfMvc, population,
                newParameters, biophysical, cortex);
    }

    /** The same subject contracting the recorded muscle at {@code fraction} of maximum (0 = rest). */
    public SubjectPreset withContraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("contraction " + fraction * 100 + " % of MVC must lie in 0..100 %");
        }
        return new SubjectPreset(name, description, layer, ageYears, sex, skinTemperatureCelsius,
                noiseMicrovoltsRms, mainsHumMicrovolts, mainsFrequencyHertz, fraction, population, phenomenological,
                biophysical, cortex);
    }

    static SubjectPreset resolve(String name, List<PresetLine> lines) {
        String description = name;
        AxonLayer layer = AxonLayer.PHENOMENOLOGICAL;
        double age = 35;
        String sex = "M";
        double skin = 32.9;
        double noise = 8;
        double hum = 0;
        double mains = 50;
        double contraction = 0;
        PopulationParameters pop = PopulationParameters.healthy();
        PhenomenologicalParameters phen = PhenomenologicalParameters.healthy();
        List<PresetLine> bio = new ArrayList<>();
        List<PresetLine> cortex = new ArrayList<>();
        for (PresetLine line : lines) {
            String key = line.key();
            try {
                if (key.startsWith("population.")) {
                    pop = population(pop, line);
                } else if (key.startsWith("phenomenological.")) {
                    PhenomenologicalParameter p = PhenomenologicalParameter.byKey(key.substring("phenomenological.".length()));
                    phen = phen.with(p, line.number(phen.get(p)));
                } else if (key.startsWith("biophysical.")) {
                    bio.add(line);
                } else if (key.startsWith("cortex.")) {
                    cortex.add(line);
                } else {
                    switch (key) {
                        case "description":
                            description = line.value();
                            break;
                        case "layer":
                            layer = AxonLayer.named(line.value());
                            break;
                        case "age_years":
                            age = line.number(age);
                            break;
                        case "sex":
                            sex = sex(line);
                            break;
                        case "skinTemperature_C":
                            skin = line.number(skin);
                            break;
                        case "recording.noise_uV":
                            noise = nonNegative(line, line.number(noise));
                            break;
                        case "recording.mainsHum_uV":
                            hum = nonNegative(line, line.number(hum));
                            break;
                        case "contraction_percentMvc":
                            contraction = line.number(contraction * 100) / 100;
                            if (contraction < 0 || contraction > 1) {
                                throw line.error("expected 0 to 100 (% of maximal voluntary contraction)");
                            }
                            break;
                        case "recording.mainsFrequency_Hz":
                            mains = nonNegative(line, line.number(mains));
                            break;
                        default:
                            throw line.error("unknown setting; expected description, layer, age_years, sex, "
                                    + "skinTemperature_C, contraction_percentMvc, recording.noise_uV, "
                                    + "recording.mainsHum_uV, "
                                    + "recording.mainsFrequency_Hz, or a key starting population., phenomenological., "
                                    + "biophysical. or cortex.");
                    }
                }
            } catch (PresetException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return new SubjectPreset(name, description, layer, age, sex, skin, noise, hum, mains, contraction, pop, phen, bio,
                cortex);
    }

    private static String sex(PresetLine line) {
        String s = line.value().strip().toUpperCase(Locale.ROOT);
        if (!s.equals("M") && !s.equals("F")) {
            throw line.error("expected M or F");
        }
        return s;
    }

    private static double nonNegative(PresetLine line, double v) {
        if (v < 0) {
            throw line.error("must be zero or more");
        }
        return v;
    }

    private static PopulationParameters population(PopulationParameters p, PresetLine line) {
        String key = line.key().substring("population.".length());
        return p.with(key, line.number(p.value(key)));
    }
}
