package org.excitrack.cli;

import org.excitrack.model.QuantityText;
import picocli.CommandLine;

/** picocli converters for quantities with units; their messages become usage errors (exit code 2). */
final class Converters {
    private Converters() {
    }

    static final class Micros implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(() -> QuantityText.micros(value));
        }
    }

    static final class Nanoamps implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(() -> QuantityText.nanoamps(value));
        }
    }

    static final class Percent implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return wrap(() -> QuantityText.percent(value));
        }
    }

    private static <T> T wrap(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
