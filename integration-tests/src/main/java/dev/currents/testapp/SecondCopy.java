package dev.currents.testapp;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A second copy of this application, its libraries included, in a class loader of its own beside the
 * application's, as an application server loads two applications that bring the same library. A line whose
 * client is {@code second-copy/<client>} is answered by that copy's driver.
 */
final class SecondCopy {

  static final String PREFIX = "second-copy/";

  private static ClassLoader loader;

  private SecondCopy() {}

  /** The answer of the second copy's driver to {@code line}, its client named without the prefix. */
  static String answer(String line) throws ReflectiveOperationException {
    return (String)
        loader()
            .loadClass(ClientDriver.class.getName())
            .getMethod("answer", String.class)
            .invoke(null, line.replaceFirst(" " + PREFIX, " "));
  }

  /** Closes the clients of the second copy, if there is one. */
  static synchronized void closeClients() throws ReflectiveOperationException {
    if (loader != null) {
      loader.loadClass(ClientDriver.class.getName()).getMethod("closeClients").invoke(null);
    }
  }

  private static synchronized ClassLoader loader() {
    if (loader == null) {
      // The platform loader as parent: the copy sees the JDK, and none of the application's classes.
      loader = new URLClassLoader("second-copy", classPath(), ClassLoader.getPlatformClassLoader());
    }
    return loader;
  }

  private static URL[] classPath() {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      try {
        urls.add(new File(entry).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(entry, e);
      }
    }
    return urls.toArray(new URL[0]);
  }
}
