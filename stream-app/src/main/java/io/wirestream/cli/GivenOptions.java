package io.wirestream.cli;

import io.wirestream.config.Setting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Binds options to settings: an option whose {@code descriptionKey} is a setting's key sets that setting, over the
 * file and the environment, when it is given. Its default, shown in {@code --help} as {@code ${DEFAULT-VALUE}},
 * comes from {@link Setting}, the one place defaults live.
 */
final class GivenOptions implements IDefaultValueProvider {

    /** The settings given on the command line of {@code spec}, as text in their own grammar. */
    static Map<Setting, String> of(CommandSpec spec) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        ParseResult parsed = spec.commandLine().getParseResult();
        for (OptionSpec option : spec.options()) {
            Setting setting = settingOf(option);
            if (setting != null && parsed != null && parsed.hasMatchedOption(option)) {
                Object value = option.getValue();
                given.put(setting, value == null ? null : value.toString());
            }
        }
        return given;
    }

    static Setting settingOf(ArgSpec arg) {
        return arg instanceof OptionSpec option && option.descriptionKey() != null
                ? Setting.ofKey(option.descriptionKey()) : null;
    }

    /**
     * The setting's default; none for a negatable flag ({@code --dashboard}/{@code --no-dashboard}): picocli takes a
     * flag that defaults to true as one whose plain form turns it off, so that {@code --no-dashboard} would leave
     * the dashboard on. Without a default, each form says what it means, and the setting's own default applies when
     * neither is given.
     */
    @Override
    public String defaultValue(ArgSpec arg) {
        Setting setting = settingOf(arg);
        return setting == null || arg instanceof OptionSpec option && option.negatable() ? null
                : setting.defaultValue();
    }
}
