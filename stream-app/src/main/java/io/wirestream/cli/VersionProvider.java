package io.wirestream.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} matches the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"wirestream " + (version == null ? "(development build)" : version)};
    }
}
