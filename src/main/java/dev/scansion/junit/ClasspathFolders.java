package dev.scansion.junit;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code .scs} resources below a classpath folder ({@code scansion} finds
 * {@code scansion/chat.scs} and {@code scansion/muc/join.scs}), in directories and in jars. Folder
 * names need not be Java package names ({@code junit-suite} is fine), which is why this does not
 * go through the platform's package scanning.
 */
final class ClasspathFolders {
    private static final int MAX_DEPTH = 64;

    private ClasspathFolders() {
    }

    /** Resource names, sorted; empty when the folder is on no classpath entry. */
    static TreeSet<String> scripts(String folder, ClassLoader loader) throws IOException {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> urls = loader.getResources(folder);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("file")) fromDirectory(url, prefix, names);
            else if (url.getProtocol().equals("jar")) fromJar(url.openConnection(), prefix, names);
        }
        return names;
    }

    private static void fromDirectory(URL url, String prefix, TreeSet<String> names) throws IOException {
        Path root;
        try {
            root = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return;
        }
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".scs"))
                    .forEach(p -> names.add(prefix + root.relativize(p).toString().replace('\\', '/')));
        }
    }

    private static void fromJar(URLConnection connection, String prefix, TreeSet<String> names) throws IOException {
        if (!(connection instanceof JarURLConnection jarConnection)) return;
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(prefix) && e.getName().endsWith(".scs")) {
                    names.add(e.getName());
                }
            }
        }
    }
}
