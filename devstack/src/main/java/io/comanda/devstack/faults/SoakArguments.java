package io.comanda.devstack.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./comanda chaos --soak <duration> [--rate <orders/s>] [--fault-every <duration>]
 * [--sample-every <duration>] [--warm-up <duration>] [--retained <table>[,<table>]...]...
 * [--wal-limit-mb <MiB>]}, read into {@link SoakSettings}.
 */
public final class SoakArguments {

    public static final String USAGE = "usage: ./comanda chaos --soak <duration, e.g. 30m> [--rate <orders/s>]"
            + " [--fault-every <duration>] [--sample-every <duration>] [--warm-up <duration>]"
            + " [--retained <table>[,<table>]]... [--wal-limit-mb <MiB>]; the result is also written as JSON to "
            + SoakResultFile.RELATIVE_PATH;

    private SoakArguments() {
    }

    /** Whether the arguments ask for a soak rather than the scenarios. */
    public static boolean asksForSoak(List<String> args) {
        return args.contains("--soak");
    }

    /** @throws IllegalArgumentException on an unknown option or a value that is missing or not one */
    public static SoakSettings parse(List<String> args) {
        int soak = args.indexOf("--soak");
        if (soak < 0 || soak + 1 >= args.size()) {
            throw new IllegalArgumentException("--soak needs a duration");
        }
        SoakSettings settings = SoakSettings.of(SoakSettings.parseDuration(args.get(soak + 1)));
        Set<String> retained = new HashSet<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            settings = switch (args.get(i)) {
                case "--soak" -> settings;
                case "--rate" -> settings.withRate(Integer.parseInt(value));
                case "--fault-every" -> settings.withFaultEvery(SoakSettings.parseDuration(value));
                case "--sample-every" -> settings.withSampleEvery(SoakSettings.parseDuration(value));
                case "--warm-up" -> settings.withWarmUp(SoakSettings.parseDuration(value));
                case "--wal-limit-mb" -> settings.withWalLimitMib(Long.parseLong(value));
                case "--retained" -> {
                    retained.addAll(List.of(value.split(",")));
                    yield settings;
                }
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            };
        }
        settings = settings.withRetained(retained);
        settings.faultSettings();
        return settings;
    }
}
