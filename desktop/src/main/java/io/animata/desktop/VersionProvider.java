package io.animata.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code animata --version}: the project version and the versions of the engines it runs on, read from
 * {@code animata-version.properties} (filled in by Maven resource filtering at build time).
 */
public final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/animata-version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "animata " + p.getProperty("version", "(unknown version)"),
            "libGDX " + p.getProperty("gdx.version", "?") + ", ONNX Runtime " + p.getProperty("onnxruntime.version", "?")
                    + " (" + p.getProperty("onnxruntime.artifactId", "?") + "), picocli "
                    + p.getProperty("picocli.version", "?"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
